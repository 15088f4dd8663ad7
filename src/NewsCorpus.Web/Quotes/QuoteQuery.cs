using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Quotes;

/// <summary>The quote filters shared by the Quotes page and the quotes API: speaker (any alias), words, outlet.</summary>
public static class QuoteQuery
{
    public static async Task<IQueryable<Quote>> FilterAsync(NewsCorpusDbContext db, string? speaker, string? words, string? outlet, CancellationToken cancellationToken)
    {
        var query = db.Quotes.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(speaker))
        {
            var ids = await SpeakerIdsAsync(db, speaker, cancellationToken);
            var description = speaker.Trim();
            query = query.Where(q => (q.SpeakerEntityId != null && ids.Contains(q.SpeakerEntityId.Value))
                || (q.SpeakerDescription != null && EF.Functions.Like(q.SpeakerDescription, "%" + description + "%")));
        }

        foreach (var word in (words ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(10))
        {
            var pattern = "%" + EscapeLike(word) + "%";
            query = query.Where(q => EF.Functions.Like(q.Text, pattern, "\\"));
        }

        if (!string.IsNullOrWhiteSpace(outlet))
        {
            var normalized = Outlet.Normalize(outlet);
            query = outlet.Trim().Equals("unknown", StringComparison.OrdinalIgnoreCase)
                ? query.Where(q => q.Article!.OutletId == null)
                : query.Where(q => q.Article!.Outlet != null && q.Article.Outlet.NormalizedName == normalized);
        }

        return query;
    }

    /// <summary>Entities any of whose names is the one typed ("Abdul Mahdi" finds Adel Abdul Mahdi); failing that, names containing it.</summary>
    public static async Task<List<int>> SpeakerIdsAsync(NewsCorpusDbContext db, string speaker, CancellationToken cancellationToken)
    {
        speaker = WithoutTitles(speaker);
        var normalized = speaker.Trim().ToUpperInvariant();
        var exact = await db.EntityAliases.Where(a => a.NormalizedName == normalized).Select(a => a.EntityId).Distinct().ToListAsync(cancellationToken);
        if (exact.Count > 0)
        {
            return exact;
        }

        var pattern = "%" + EscapeLike(speaker.Trim()) + "%";
        return await db.EntityAliases.Where(a => EF.Functions.Like(a.Name, pattern, "\\")).Select(a => a.EntityId).Distinct().Take(50).ToListAsync(cancellationToken);
    }

    // "Mr Abdul Mahdi" and "Prime Minister Adel Abdul Mahdi" name the person, not the title.
    private static string WithoutTitles(string speaker)
    {
        var words = speaker.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var changed = true;
        while (changed && words.Count > 1)
        {
            changed = false;
            for (var length = Math.Min(3, words.Count - 1); length >= 1; length--)
            {
                if (Gazetteer.Default.IsTitle(string.Join(' ', words.Take(length))) || Gazetteer.Default.IsTitle(string.Join(' ', words.Take(length)).TrimEnd('.')))
                {
                    words.RemoveRange(0, length);
                    changed = true;
                    break;
                }
            }
        }

        return string.Join(' ', words);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
