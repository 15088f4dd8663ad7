using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Web.Data;
using static NewsCorpus.Web.Corrections.CorrectionRefs;

namespace NewsCorpus.Web.Corrections;

/// <summary>An editor's entity corrections, checked and turned into recorded overrides.</summary>
public sealed class EntityCorrector(NewsCorpusDbContext db, EntityCorrections entities, CorrectionService corrections)
{
    public const int MaxName = 300;

    /// <summary>Renames and/or retypes; <paramref name="version"/> is the entity's version the editor saw.</summary>
    public async Task<CorrectionResult> EditAsync(int id, string? name, EntityType? type, int? version, string user, CancellationToken cancellationToken)
    {
        var (entity, problem) = await FindAsync(id, version, cancellationToken);
        if (entity is null)
        {
            return problem!;
        }

        name = name?.Trim();
        if (name is { Length: 0 or > MaxName })
        {
            return CorrectionResult.Invalid($"A name has 1 to {MaxName} characters.");
        }

        if (type is EntityType.Group || (type is { } t && !Enum.IsDefined(t)))
        {
            return CorrectionResult.Invalid("The type is Person, Organization or Location.");
        }

        CorrectionResult? result = null;
        if (name is not null && name != entity.Name)
        {
            if (await db.Entities.AnyAsync(e => e.Id != id && e.Type == (type ?? entity.Type) && e.Name == name, cancellationToken))
            {
                return CorrectionResult.Conflict($"Another {(type ?? entity.Type).ToString().ToLowerInvariant()} is already called “{name}”: merge the two instead.");
            }

            result = await RecordAsync(CorrectionKind.EntityRenamed, entity, $"Renamed entity “{entity.Name}” to “{name}”", Write(new EntityCorrections.NameChange(name)), null, user, cancellationToken);
            entity = await db.Entities.AsNoTracking().FirstAsync(e => e.Id == id, cancellationToken); // its new name and version
        }

        if (type is { } newType && newType != entity.Type && result?.Problem is null)
        {
            result = await RecordAsync(CorrectionKind.EntityRetyped, entity, $"Changed the type of “{entity.Name}” from {entity.Type} to {newType}", Write(new EntityCorrections.TypeChange(newType)), null, user, cancellationToken);
        }

        return result ?? CorrectionResult.Invalid("Nothing to change: give a new name or type.");
    }

    public async Task<CorrectionResult> MergeAsync(int id, int intoId, int? version, string user, CancellationToken cancellationToken)
    {
        var (entity, problem) = await FindAsync(id, version, cancellationToken);
        if (entity is null)
        {
            return problem!;
        }

        var into = await db.Entities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == intoId, cancellationToken);
        if (into is null || into.Id == id)
        {
            return into is null ? CorrectionResult.NotFound("entity to merge into") : CorrectionResult.Invalid("An entity cannot be merged into itself.");
        }

        var after = Write(new EntityCorrections.MergeInto(await CorrectionTargets.RefOfAsync(db, into, cancellationToken)));
        return await RecordAsync(CorrectionKind.EntityMerged, entity, $"Merged entity “{entity.Name}” into “{into.Name}”", after, into, user, cancellationToken);
    }

    public async Task<CorrectionResult> SplitAsync(int id, string alias, int? version, string user, CancellationToken cancellationToken)
    {
        var (entity, problem) = await FindAsync(id, version, cancellationToken);
        if (entity is null)
        {
            return problem!;
        }

        var aliases = await CorrectionTargets.AliasesAsync(db, id, cancellationToken);
        var match = aliases.FirstOrDefault(a => a.Equals(alias?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null || aliases.Count < 2)
        {
            return CorrectionResult.Invalid(aliases.Count < 2 ? "The entity has only one name: there is nothing to split off." : $"“{alias}” is not one of the entity's names.");
        }

        return await RecordAsync(CorrectionKind.EntitySplit, entity, $"Split “{match}” off entity “{entity.Name}”", Write(new EntityCorrections.SplitAlias(match)), null, user, cancellationToken);
    }

    public async Task<CorrectionResult> NotANameAsync(int id, int? version, string user, CancellationToken cancellationToken)
    {
        var (entity, problem) = await FindAsync(id, version, cancellationToken);
        return entity is null ? problem!
            : await RecordAsync(CorrectionKind.EntityNotAName, entity, $"Marked “{entity.Name}” as not a name", Write(new EntityCorrections.Nothing()), null, user, cancellationToken);
    }

    private async Task<CorrectionResult> RecordAsync(CorrectionKind kind, Entity entity, string summary, string after, Entity? into, string user, CancellationToken cancellationToken)
    {
        var subject = Write(await CorrectionTargets.RefOfAsync(db, entity, cancellationToken));
        var before = await entities.BeforeAsync(kind, entity, into, cancellationToken);
        return await corrections.RecordAsync(kind, subject, summary, before, after, user, cancellationToken, (entity.Id, entity.Version));
    }

    private async Task<(Entity? Entity, CorrectionResult? Problem)> FindAsync(int id, int? version, CancellationToken cancellationToken)
    {
        var entity = await db.Entities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return entity is null ? (null, CorrectionResult.NotFound("entity"))
            : version is { } seen && seen != entity.Version
                ? (null, CorrectionResult.Conflict($"“{entity.Name}” was changed by someone else since you opened it. Reload the page to see the change, then try again."))
                : (entity, null);
    }
}
