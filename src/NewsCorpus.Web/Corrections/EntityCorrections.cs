using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Entities;
using static NewsCorpus.Web.Corrections.CorrectionRefs;

namespace NewsCorpus.Web.Corrections;

/// <summary>Rename, retype, merge, split and "not a name" for entities: each applied again after every analysis, each undone.</summary>
public sealed class EntityCorrections(NewsCorpusDbContext db)
{
    public sealed record NameChange(string Name);

    public sealed record TypeChange(EntityType Type);

    public sealed record MergeInto(EntityRef Into);

    public sealed record MergedBefore(string Name, EntityType Type, List<string> Aliases, List<string> IntoAliases);

    public sealed record SplitAlias(string Alias);

    public sealed record Mention(int ArticleId, EntityType Type, string Text, string? Role, string? RefersTo, int Start, int End);

    public sealed record NotAName(List<string> Names, List<Mention> Mentions);

    public sealed record Nothing;

    /// <summary>Applies the correction to the entities as they are now; false when its entity is not there (yet).</summary>
    public async Task<bool> ApplyAsync(Correction correction, CancellationToken cancellationToken)
    {
        var subject = Read<EntityRef>(correction.Subject);
        var entity = await CorrectionTargets.EntityAsync(db, subject, cancellationToken);
        if (entity is null)
        {
            return false;
        }

        switch (correction.Kind)
        {
            case CorrectionKind.EntityRenamed:
                return await SetAsync(entity, Read<NameChange>(correction.After).Name, entity.Type, cancellationToken);
            case CorrectionKind.EntityRetyped:
                return await SetAsync(entity, entity.Name, Read<TypeChange>(correction.After).Type, cancellationToken);
            case CorrectionKind.EntityMerged:
                var into = await CorrectionTargets.EntityAsync(db, Read<MergeInto>(correction.After).Into, cancellationToken);
                return into is not null && into.Id != entity.Id && await MergeAsync(into, entity, cancellationToken);
            case CorrectionKind.EntitySplit:
                return await SplitAsync(entity, Read<SplitAlias>(correction.After).Alias, cancellationToken);
            case CorrectionKind.EntityNotAName:
                await RemoveAsync(entity, cancellationToken);
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(correction), correction.Kind, "Not an entity correction.");
        }
    }

    /// <summary>Puts back what the correction changed, from what it recorded before.</summary>
    public async Task UndoAsync(Correction correction, CancellationToken cancellationToken)
    {
        var subject = Read<EntityRef>(correction.Subject);
        var entity = correction.Kind == CorrectionKind.EntityMerged
            ? await CorrectionTargets.EntityAsync(db, Read<MergeInto>(correction.After).Into, cancellationToken)
            : await CorrectionTargets.EntityAsync(db, subject, cancellationToken);
        switch (correction.Kind)
        {
            case CorrectionKind.EntityRenamed when entity is not null:
                await SetAsync(entity, Read<NameChange>(correction.Before).Name, entity.Type, cancellationToken);
                break;
            case CorrectionKind.EntityRetyped when entity is not null:
                await SetAsync(entity, entity.Name, Read<TypeChange>(correction.Before).Type, cancellationToken);
                break;
            case CorrectionKind.EntityMerged when entity is not null:
                var before = Read<MergedBefore>(correction.Before);
                var names = before.Aliases.Except(before.IntoAliases, StringComparer.OrdinalIgnoreCase).ToList();
                await MoveToNewAsync(entity, names, before.Name, before.Type, cancellationToken);
                break;
            case CorrectionKind.EntitySplit:
                var split = await CorrectionTargets.EntityAsync(db, subject with { Name = Read<SplitAlias>(correction.After).Alias }, cancellationToken);
                if (entity is not null && split is not null && split.Id != entity.Id)
                {
                    await MergeAsync(entity, split, cancellationToken);
                }

                break;
            case CorrectionKind.EntityNotAName:
                await RestoreMentionsAsync(Read<NotAName>(correction.Before).Mentions, cancellationToken);
                break;
        }
    }

    /// <summary>What the entity is before a correction of this kind, for its audit entry and its undo.</summary>
    public async Task<string> BeforeAsync(CorrectionKind kind, Entity entity, Entity? into, CancellationToken cancellationToken) => kind switch
    {
        CorrectionKind.EntityRenamed => Write(new NameChange(entity.Name)),
        CorrectionKind.EntityRetyped => Write(new TypeChange(entity.Type)),
        CorrectionKind.EntityMerged => Write(new MergedBefore(entity.Name, entity.Type, await CorrectionTargets.AliasesAsync(db, entity.Id, cancellationToken),
            into is null ? [] : await CorrectionTargets.AliasesAsync(db, into.Id, cancellationToken))),
        CorrectionKind.EntityNotAName => Write(new NotAName(await CorrectionTargets.AliasesAsync(db, entity.Id, cancellationToken),
            await db.EntityMentions.Where(m => m.EntityId == entity.Id).OrderBy(m => m.Id)
                .Select(m => new Mention(m.ArticleId, m.Type, m.Text, m.Role, m.RefersTo, m.Start, m.End)).ToListAsync(cancellationToken))),
        _ => Write(new Nothing()),
    };

    private async Task<bool> SetAsync(Entity entity, string name, EntityType type, CancellationToken cancellationToken)
    {
        if (entity.Name == name && entity.Type == type)
        {
            return false;
        }

        var typeChanged = entity.Type != type;
        (entity.Name, entity.Type) = (name, type);
        entity.Version++;
        await db.SaveChangesAsync(cancellationToken);
        if (typeChanged)
        {
            await db.EntityMentions.Where(m => m.EntityId == entity.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Type, type), cancellationToken);
        }

        // The search index holds entity ids, not names or types: no article's documents change.
        return true;
    }

    private async Task<bool> MergeAsync(Entity into, Entity gone, CancellationToken cancellationToken)
    {
        await EntityBookkeeping.MergeAsync(db, into.Id, gone.Id, cancellationToken);
        await db.Entities.Where(e => e.Id == into.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Version, e => e.Version + 1), cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    // Idempotent: the alias's mentions go to the entity named after it, made when there is none.
    private async Task<bool> SplitAsync(Entity entity, string alias, CancellationToken cancellationToken)
    {
        var aliases = await CorrectionTargets.AliasesAsync(db, entity.Id, cancellationToken);
        if (!aliases.Contains(alias, StringComparer.OrdinalIgnoreCase) || aliases.Count < 2)
        {
            return false;
        }

        await MoveToNewAsync(entity, [alias], alias, entity.Type, cancellationToken);
        return true;
    }

    private async Task MoveToNewAsync(Entity from, List<string> names, string name, EntityType type, CancellationToken cancellationToken)
    {
        var target = await db.Entities.FirstOrDefaultAsync(e => e.Type == type && e.Name == name && e.Id != from.Id, cancellationToken);
        if (target is null)
        {
            target = db.Entities.Add(new Entity { Name = name, Type = type }).Entity;
            await db.SaveChangesAsync(cancellationToken);
        }

        await EntityRows.MoveMentionsAsync(db, from.Id, target.Id, names, cancellationToken);
        await db.Entities.Where(e => e.Id == from.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Version, e => e.Version + 1), cancellationToken);
        db.ChangeTracker.Clear();
    }

    // Its mentions are taken out (a new analysis finds them again, and this correction takes them out again).
    private async Task RemoveAsync(Entity entity, CancellationToken cancellationToken)
    {
        await EntityRows.RecordArticlesAsync(db, entity.Id, cancellationToken);
        await db.Quotes.Where(q => q.SpeakerEntityId == entity.Id).ExecuteUpdateAsync(s => s.SetProperty(q => q.SpeakerEntityId, (int?)null), cancellationToken);
        await db.EntityMentions.Where(m => m.EntityId == entity.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Entities.Where(e => e.Id == entity.Id).ExecuteDeleteAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    // The mentions come back unresolved; the next entity pass resolves their articles against the stored names.
    private async Task RestoreMentionsAsync(List<Mention> mentions, CancellationToken cancellationToken)
    {
        var articles = mentions.Select(m => m.ArticleId).Distinct().ToList();
        var existing = await db.Articles.Where(a => articles.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        db.EntityMentions.AddRange(mentions.Where(m => existing.Contains(m.ArticleId)).Select(m => new Data.EntityMention
        {
            ArticleId = m.ArticleId, Type = m.Type, Text = m.Text, Role = m.Role, RefersTo = m.RefersTo, Start = m.Start, End = m.End,
        }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        foreach (var article in existing)
        {
            // Resolved again as a whole, like a changed article: its other mentions leave their entities' counts first.
            await EntityBookkeeping.WithdrawArticleAsync(db, article, cancellationToken);
        }

        await db.Articles.Where(a => existing.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Resolved, false), cancellationToken);
    }
}
