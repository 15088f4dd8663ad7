using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Entities;

namespace NewsCorpus.Web.Search;

/// <summary>
/// A query's filters as index conditions. Names are looked up in the database (outlet names and aliases, entity
/// names), and the index is asked for the ids: outlet, day range, entities mentioned, speakers quoted.
/// </summary>
internal static class SearchFilters
{
    /// <summary>The conditions, or null when a filter names nothing known (the search then matches nothing, with a note).</summary>
    public static async Task<List<Query>?> BuildAsync(NewsCorpusDbContext db, SearchQuery query, IndexQuery words, List<string> notes, CancellationToken cancellationToken)
    {
        var filters = new List<Query>();
        if (query.Outlet is { } outlet)
        {
            filters.Add(IndexQuery.AnyOf(SearchFields.Outlet, await OutletKeysAsync(db, outlet, cancellationToken)));
        }

        if (query.From is not null || query.To is not null)
        {
            filters.Add(NumericRangeQuery.NewInt32Range(SearchFields.Day, SearchFields.DayPrecisionStep, query.From?.DayNumber, query.To?.DayNumber, true, true));
        }

        if (query.Entity is { } entity)
        {
            var ids = await EntityNames.FindIdsAsync(db, entity, cancellationToken);
            if (ids.Count == 0)
            {
                notes.Add($"No person, organisation or place is called “{entity}”.");
                return null;
            }

            filters.Add(IndexQuery.AnyOf(SearchFields.Entity, ids.Select(SearchDocuments.Key)));
        }

        if (query.Speaker is { } speaker)
        {
            // Who said it: a resolved speaker of that name, or a description with those words ("police spokesman").
            var ids = await EntityNames.FindIdsAsync(db, speaker, cancellationToken);
            var either = new BooleanQuery(disableCoord: true)
            {
                { IndexQuery.AnyOf(SearchFields.Speaker, ids.Select(SearchDocuments.Key)), Occur.SHOULD },
                { words.DescriptionPhrase(speaker), Occur.SHOULD },
            };
            filters.Add(either);
        }

        return filters;
    }

    private static async Task<List<string>> OutletKeysAsync(NewsCorpusDbContext db, string outlet, CancellationToken cancellationToken)
    {
        if (OutletFilters.IsUnknown(outlet))
        {
            return [SearchFields.NoOutlet];
        }

        var key = Outlet.Normalize(outlet);
        var ids = await db.Outlets.Where(o => o.NormalizedName == key).Select(o => o.Id)
            .Union(db.OutletAliases.Where(a => a.Key == key).Select(a => a.OutletId))
            .ToListAsync(cancellationToken);
        return [.. ids.Select(SearchDocuments.Key)];
    }
}
