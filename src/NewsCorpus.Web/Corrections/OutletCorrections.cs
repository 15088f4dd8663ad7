using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Search;
using static NewsCorpus.Web.Corrections.CorrectionRefs;

namespace NewsCorpus.Web.Corrections;

/// <summary>An outlet renamed, or merged into another (the same publication under two names).</summary>
public sealed class OutletCorrections(NewsCorpusDbContext db, OutletDirectory outlets)
{
    public sealed record NameChange(string Name);

    public sealed record MergeInto(OutletRef Into);

    public sealed record Alias(string Name, string Key);

    public sealed record MergedBefore(string Name, List<Alias> Aliases, List<string> ArticlePaths);

    public async Task<bool> ApplyAsync(Correction correction, CancellationToken cancellationToken)
    {
        var outlet = await CorrectionTargets.OutletAsync(db, Read<OutletRef>(correction.Subject), cancellationToken);
        if (outlet is null)
        {
            return false;
        }

        if (correction.Kind == CorrectionKind.OutletRenamed)
        {
            return await RenameAsync(outlet, Read<NameChange>(correction.After).Name, cancellationToken);
        }

        var into = await db.Outlets.Include(o => o.Aliases).FirstOrDefaultAsync(o => o.NormalizedName == Read<MergeInto>(correction.After).Into.Key, cancellationToken);
        if (into is null || into.Id == outlet.Id)
        {
            return false;
        }

        var entities = await EntitiesOfAsync(outlet.Id, cancellationToken);
        await outlets.MergeAsync(into, outlet.Id, cancellationToken);
        await EntityRows.RebuildSummariesAsync(db, entities, cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    public async Task UndoAsync(Correction correction, CancellationToken cancellationToken)
    {
        var subject = Read<OutletRef>(correction.Subject);
        if (correction.Kind == CorrectionKind.OutletRenamed)
        {
            if (await CorrectionTargets.OutletAsync(db, subject, cancellationToken) is { } outlet)
            {
                await RenameAsync(outlet, Read<NameChange>(correction.Before).Name, cancellationToken);
            }

            return;
        }

        await SplitBackAsync(subject, Read<MergedBefore>(correction.Before), cancellationToken);
    }

    public async Task<string> BeforeAsync(CorrectionKind kind, Outlet outlet, CancellationToken cancellationToken) => kind == CorrectionKind.OutletRenamed
        ? Write(new NameChange(outlet.Name))
        : Write(new MergedBefore(outlet.Name,
            await db.OutletAliases.Where(a => a.OutletId == outlet.Id).Select(a => new Alias(a.Name, a.Key)).ToListAsync(cancellationToken),
            await db.Articles.Where(a => a.OutletId == outlet.Id).Select(a => a.SourcePath).ToListAsync(cancellationToken)));

    private async Task<bool> RenameAsync(Outlet outlet, string name, CancellationToken cancellationToken)
    {
        if (outlet.Name == name)
        {
            return false;
        }

        // The search index filters by outlet id: renaming changes no article's documents.
        outlet.Name = name;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    // The outlet comes back under its own name with its own aliases and the articles it had.
    private async Task SplitBackAsync(OutletRef subject, MergedBefore before, CancellationToken cancellationToken)
    {
        var outlet = await CorrectionTargets.OutletAsync(db, subject, cancellationToken)
            ?? db.Outlets.Add(new Outlet { Name = before.Name, NormalizedName = subject.Key }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        var keys = before.Aliases.Select(a => a.Key).ToList();
        await db.OutletAliases.Where(a => keys.Contains(a.Key)).ExecuteUpdateAsync(s => s.SetProperty(a => a.OutletId, outlet.Id), cancellationToken);
        var entities = new HashSet<int>();
        foreach (var paths in before.ArticlePaths.Chunk(500))
        {
            var ids = await db.Articles.Where(a => paths.Contains(a.SourcePath)).Select(a => a.Id).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                continue;
            }

            await db.Articles.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.OutletId, outlet.Id), cancellationToken);
            entities.UnionWith(await db.EntityMentions.Where(m => ids.Contains(m.ArticleId) && m.EntityId != null).Select(m => m.EntityId!.Value).Distinct().ToListAsync(cancellationToken));
            await SearchOutbox.RecordAllAsync(db, $"SELECT \"Id\" AS \"ArticleId\" FROM \"Articles\" WHERE \"Id\" IN ({ColumnAssignment.IdList(ids)})", DateTime.UtcNow, cancellationToken);
        }

        await EntityRows.RebuildSummariesAsync(db, entities, cancellationToken);
        db.ChangeTracker.Clear();
    }

    private Task<List<int>> EntitiesOfAsync(int outletId, CancellationToken cancellationToken) =>
        db.EntityMentions.Where(m => m.EntityId != null && db.Articles.Any(a => a.Id == m.ArticleId && a.OutletId == outletId))
            .Select(m => m.EntityId!.Value).Distinct().ToListAsync(cancellationToken);
}
