using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Entities;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Quotes;

/// <summary>The quote filters shared by the Quotes page and the quotes API: speaker (any alias), words, outlet.</summary>
public static class QuoteQuery
{
    /// <summary>
    /// The filtered quotes and a way to count them. Quotes of resolved speakers with no other filter are counted
    /// from the speakers' quote counts stored when the corpus was last resolved: a much-quoted person has a hundred
    /// thousand quotes in a large corpus, and counting them on each request was most of the request's time.
    /// </summary>
    public static async Task<(IQueryable<Quote> Query, Func<CancellationToken, Task<int>> CountAsync)> FilterAsync(
        NewsCorpusDbContext db, string? speaker, string? words, string? outlet, CancellationToken cancellationToken)
    {
        List<int>? speakerIds = null;
        var query = db.Quotes.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(speaker))
        {
            // A name that resolves to people is looked up by their ids (indexed); only text that names nobody is
            // matched against unnamed speakers' descriptions ("state department official"), which needs a scan.
            var ids = speakerIds = await EntityNames.FindIdsAsync(db, speaker, cancellationToken);
            query = ids.Count > 0
                ? query.Where(q => q.SpeakerEntityId != null && ids.Contains(q.SpeakerEntityId.Value))
                : query.Where(q => q.SpeakerDescription != null).WhereContains(db.Database, q => q.SpeakerDescription, speaker.Trim());
        }

        foreach (var word in (words ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(10))
        {
            query = query.WhereContains(db.Database, q => q.Text, word);
        }

        if (!string.IsNullOrWhiteSpace(outlet))
        {
            query = query.FromOutlet(outlet);
        }

        Func<CancellationToken, Task<int>> count = speakerIds is { Count: > 0 } && string.IsNullOrWhiteSpace(words) && string.IsNullOrWhiteSpace(outlet)
            ? token => db.Entities.Where(e => speakerIds.Contains(e.Id)).SumAsync(e => e.QuoteCount, token)
            : query.CountAsync;
        return (query, count);
    }
}
