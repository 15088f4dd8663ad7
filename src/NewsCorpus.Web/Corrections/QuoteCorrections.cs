using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Entities;
using NewsCorpus.Web.Search;
using static NewsCorpus.Web.Corrections.CorrectionRefs;

namespace NewsCorpus.Web.Corrections;

/// <summary>A quote's speaker set by hand, or the quote dropped as not a quote.</summary>
public sealed class QuoteCorrections(NewsCorpusDbContext db)
{
    /// <summary>The speaker: an entity by one of its names, or a description ("a senior official"), or nobody.</summary>
    public sealed record Speaker(EntityRef? Entity, string? Description);

    public sealed record Statement(string? Text);

    public sealed record Removed(string Text, bool Partial, string? Verb, string? SpeakerText, string? SpeakerDescription, int? SpeakerMentionStart,
        EntityRef? Speaker, string Context, int End, int Fingerprint);

    public async Task<bool> ApplyAsync(Correction correction, CancellationToken cancellationToken)
    {
        var quote = await CorrectionTargets.QuoteAsync(db, Read<QuoteRef>(correction.Subject), cancellationToken);
        if (quote is null)
        {
            return false;
        }

        switch (correction.Kind)
        {
            case CorrectionKind.QuoteNotAQuote:
                await RemoveAsync(quote, cancellationToken);
                return true;
            case CorrectionKind.QuoteUnmerged:
                return await SetStatementAsync(quote, null, cancellationToken);
            default:
                return await SetSpeakerAsync(quote, Read<Speaker>(correction.After), cancellationToken);
        }
    }

    public async Task UndoAsync(Correction correction, CancellationToken cancellationToken)
    {
        var subject = Read<QuoteRef>(correction.Subject);
        if (correction.Kind != CorrectionKind.QuoteNotAQuote)
        {
            var quote = await CorrectionTargets.QuoteAsync(db, subject, cancellationToken);
            if (quote is null)
            {
                return;
            }

            if (correction.Kind == CorrectionKind.QuoteUnmerged)
            {
                var text = Read<Statement>(correction.Before).Text;
                await SetStatementAsync(quote, await db.QuoteClusters.Where(c => c.Text == text).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken), cancellationToken);
            }
            else
            {
                await SetSpeakerAsync(quote, Read<Speaker>(correction.Before), cancellationToken);
            }

            return;
        }

        await RestoreAsync(subject, Read<Removed>(correction.Before), cancellationToken);
    }

    public async Task<string> BeforeAsync(CorrectionKind kind, Quote quote, CancellationToken cancellationToken)
    {
        if (kind == CorrectionKind.QuoteUnmerged)
        {
            return Write(new Statement(await db.QuoteClusters.Where(c => c.Id == quote.QuoteClusterId).Select(c => c.Text).FirstOrDefaultAsync(cancellationToken)));
        }

        var speaker = await SpeakerRefAsync(quote.SpeakerEntityId, cancellationToken);
        return kind == CorrectionKind.QuoteSpeaker
            ? Write(new Speaker(speaker, quote.SpeakerDescription))
            : Write(new Removed(quote.Text, quote.Partial, quote.Verb, quote.SpeakerText, quote.SpeakerDescription, quote.SpeakerMentionStart, speaker,
                quote.Context, quote.End, quote.Fingerprint));
    }

    private async Task<EntityRef?> SpeakerRefAsync(int? entityId, CancellationToken cancellationToken) =>
        entityId is { } id && await db.Entities.FindAsync([id], cancellationToken) is { } entity ? await CorrectionTargets.RefOfAsync(db, entity, cancellationToken) : null;

    private async Task<bool> SetSpeakerAsync(Quote quote, Speaker speaker, CancellationToken cancellationToken)
    {
        var entity = speaker.Entity is null ? null : await CorrectionTargets.EntityAsync(db, speaker.Entity, cancellationToken);
        var description = entity is null ? speaker.Description : null;
        if (quote.SpeakerEntityId == entity?.Id && quote.SpeakerDescription == description)
        {
            return false;
        }

        var touched = new[] { quote.SpeakerEntityId, entity?.Id }.OfType<int>().ToList();
        quote.SpeakerEntityId = entity?.Id;
        quote.SpeakerDescription = description;
        await db.SaveChangesAsync(cancellationToken);
        await SearchOutbox.RecordAsync(db, quote.ArticleId, DateTime.UtcNow, cancellationToken);
        await EntityBookkeeping.RecountAsync(db, touched, cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    // Out of its statement group (or back into one); the groups' counts follow.
    private async Task<bool> SetStatementAsync(Quote quote, int? clusterId, CancellationToken cancellationToken)
    {
        if (quote.QuoteClusterId == clusterId)
        {
            return false;
        }

        var touched = new[] { quote.QuoteClusterId, clusterId }.OfType<int>().ToList();
        quote.QuoteClusterId = clusterId;
        await db.SaveChangesAsync(cancellationToken);
        await db.QuoteClusters.Where(c => touched.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.QuoteCount, c => c.Quotes.Count()), cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private async Task RemoveAsync(Quote quote, CancellationToken cancellationToken)
    {
        await db.Quotes.Where(q => q.Id == quote.Id).ExecuteDeleteAsync(cancellationToken);
        if (quote.QuoteClusterId is { } cluster)
        {
            await db.QuoteClusters.Where(c => c.Id == cluster).ExecuteUpdateAsync(s => s.SetProperty(c => c.QuoteCount, c => c.Quotes.Count()), cancellationToken);
            await db.QuoteClusters.Where(c => c.Id == cluster && c.QuoteCount == 0).ExecuteDeleteAsync(cancellationToken);
        }

        await SearchOutbox.RecordAsync(db, quote.ArticleId, DateTime.UtcNow, cancellationToken);
        await EntityBookkeeping.RecountAsync(db, quote.SpeakerEntityId is { } speaker ? [speaker] : [], cancellationToken);
        db.ChangeTracker.Clear();
    }

    // Back as it was, outside any statement group until its article is analysed again.
    private async Task RestoreAsync(QuoteRef subject, Removed quote, CancellationToken cancellationToken)
    {
        var articleId = await db.Articles.Where(a => a.SourcePath == subject.Path).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (articleId is null || await db.Quotes.AnyAsync(q => q.ArticleId == articleId && q.Start == subject.Start, cancellationToken))
        {
            return;
        }

        var speaker = quote.Speaker is null ? null : await CorrectionTargets.EntityAsync(db, quote.Speaker, cancellationToken);
        db.Quotes.Add(new Quote
        {
            ArticleId = articleId.Value, Text = quote.Text, Partial = quote.Partial, Verb = quote.Verb, SpeakerText = quote.SpeakerText,
            SpeakerDescription = quote.SpeakerDescription, SpeakerMentionStart = quote.SpeakerMentionStart, SpeakerEntityId = speaker?.Id,
            Context = quote.Context, Start = subject.Start, End = quote.End, Fingerprint = quote.Fingerprint,
        });
        await db.SaveChangesAsync(cancellationToken);
        await SearchOutbox.RecordAsync(db, articleId.Value, DateTime.UtcNow, cancellationToken);
        await EntityBookkeeping.RecountAsync(db, speaker is null ? [] : [speaker.Id], cancellationToken);
        db.ChangeTracker.Clear();
    }
}
