using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Corrections;

/// <summary>What a correction or an undo came to: done, or why not (an HTTP status and a sentence for the user).</summary>
public sealed record CorrectionResult(Correction? Done, int Status, string? Problem)
{
    public static CorrectionResult Ok(Correction correction) => new(correction, StatusCodes.Status200OK, null);

    public static CorrectionResult NotFound(string what) => new(null, StatusCodes.Status404NotFound, $"There is no {what} with that id.");

    public static CorrectionResult Invalid(string problem) => new(null, StatusCodes.Status400BadRequest, problem);

    public static CorrectionResult Conflict(string problem) => new(null, StatusCodes.Status409Conflict, problem);
}

/// <summary>
/// Makes corrections (recorded, then applied, in one transaction) and undoes them. The editors' pages and the API both
/// come here; what each kind does lives in the per-kind classes, which the corpus passes also use to apply them again.
/// </summary>
public sealed class CorrectionService(NewsCorpusDbContext db, CorrectionPass pass, CorrectionUndo undo, TimeProvider clock, ILogger<CorrectionService> logger)
{
    /// <summary>
    /// Records the correction and applies it, in one transaction. With <paramref name="seen"/> (an entity and the version
    /// the editor saw) the entity's version is raised first, only if it is still that one: the second of two editors
    /// changing the same entity at once gets a conflict instead of silently overwriting the first.
    /// </summary>
    public async Task<CorrectionResult> RecordAsync(CorrectionKind kind, string subject, string summary, string before, string after, string user,
        CancellationToken cancellationToken, (int Id, int Version)? seen = null)
    {
        var correction = new Correction
        {
            Kind = kind, Subject = subject, Summary = Limit(summary, 1000), Before = before, After = after,
            CreatedBy = user, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var corpusLock = await CorpusLock.AcquireAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (seen is { } claim && await db.Entities.Where(e => e.Id == claim.Id && e.Version == claim.Version)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.Version, e => e.Version + 1), cancellationToken) == 0)
            {
                throw new DbUpdateConcurrencyException("The entity's version moved on.");
            }

            await pass.ApplyAsync(correction, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CorrectionResult.Conflict("Someone else changed this at the same time. Reload the page to see their change, then try again.");
        }

        db.ChangeTracker.Clear();
        db.Corrections.Add(correction);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Correction {CorrectionId} by {User}: {Kind} {Summary}", correction.Id, user, kind, correction.Summary);
        return CorrectionResult.Ok(correction);
    }

    /// <summary>Undoes a correction: it stops being applied, and what it changed is put back.</summary>
    public async Task<CorrectionResult> UndoAsync(int correctionId, string user, CancellationToken cancellationToken)
    {
        var correction = await db.Corrections.FirstOrDefaultAsync(c => c.Id == correctionId, cancellationToken);
        if (correction is null)
        {
            return CorrectionResult.NotFound("correction");
        }

        if (correction.UndoneAt is not null)
        {
            return CorrectionResult.Conflict($"This correction was already undone by {correction.UndoneBy}.");
        }

        (correction.UndoneBy, correction.UndoneAt) = (user, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        var problem = await undo.UndoAsync(correction, cancellationToken);
        if (problem is not null)
        {
            (correction.UndoneBy, correction.UndoneAt) = (null, null);
            db.Corrections.Update(correction);
            await db.SaveChangesAsync(cancellationToken);
            return CorrectionResult.Conflict(problem);
        }

        logger.LogInformation("Correction {CorrectionId} undone by {User}", correction.Id, user);
        return CorrectionResult.Ok(correction);
    }

    public static string Limit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
