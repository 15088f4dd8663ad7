using System.Text;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Search;

public sealed record FacetValue(string Value, int Count);

public sealed record ArticleHit(int ArticleId, string Title, bool TitleDerived, string? Outlet, DateOnly? PublishedOn, string SnippetHtml, double Score);

public sealed record ArticleResults(int Total, IReadOnlyList<ArticleHit> Items, IReadOnlyList<FacetValue> Outlets, IReadOnlyList<FacetValue> Entities, IReadOnlyList<FacetValue> Months, IReadOnlyList<string> Notes);

public sealed record QuoteHit(int Id, string Text, string TextHtml, bool Partial, int? SpeakerId, string? SpeakerName, string? SpeakerDescription, string? Verb,
    int ArticleId, string ArticleTitle, string? Outlet, DateOnly? PublishedOn, int? ClusterId, double Score);

public sealed record QuoteResults(int Total, IReadOnlyList<QuoteHit> Items, IReadOnlyList<string> Notes);

/// <summary>
/// Full-text search over this instance's Lucene index (<see cref="SearchIndex"/>), on either database: the query
/// arrives parsed (<see cref="SearchQuery"/>) and is built term by term (<see cref="IndexQuery"/>), so user text never
/// reaches a query parser. BM25 ranking with the title weighted four times the body. The index gives the hits, their
/// order and count; the database gives the rows of the page shown; <see cref="ArticleFacetIndex"/> the facets.
/// </summary>
public sealed class SearchService(NewsCorpusDbContext db, SearchIndex index, ArticleFacetIndex facts)
{
    public const string Relevance = "relevance";
    public const string Date = "date";

    private const char MarkOpen = Snippets.MarkOpen;
    private const char MarkClose = Snippets.MarkClose;

    /// <summary>How long a search may collect before it stops and says so (the bound holds whatever the query).</summary>
    public static TimeSpan TimeBudget { get; } = TimeSpan.FromSeconds(5);

    /// <summary>"date" sorts newest first; anything else is relevance.</summary>
    public static string ReadSort(string? sort) => string.Equals(sort, Date, StringComparison.OrdinalIgnoreCase) ? Date : Relevance;

    public async Task<ArticleResults> SearchArticlesAsync(SearchQuery query, string sort, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var notes = query.Notes.ToList();
        var skip = (int)Math.Min((page - 1L) * pageSize, Api.Paging.MaxOffset);
        if (await MatchAsync(query, SearchFields.ArticleKind, sort == Date || !query.HasTerms, skip, pageSize, collectAll: true, notes, cancellationToken) is not var (hits, text))
        {
            return new ArticleResults(0, [], [], [], [], notes);
        }

        using var all = hits.All!;
        var items = await ArticleItemsAsync(hits.Page, text, cancellationToken);
        var facets = await facts.FacetsAsync(db, all.Ids, 10, cancellationToken);
        return new ArticleResults(hits.Total, items, facets.Outlets, facets.Entities, facets.Months, notes);
    }

    public async Task<QuoteResults> SearchQuotesAsync(SearchQuery query, string sort, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var notes = query.Notes.ToList();
        var skip = (int)Math.Min((page - 1L) * pageSize, Api.Paging.MaxOffset);
        if (await MatchAsync(query, SearchFields.QuoteKind, sort == Date || !query.HasTerms, skip, pageSize, collectAll: false, notes, cancellationToken) is not var (hits, text))
        {
            return new QuoteResults(0, [], notes);
        }

        return new QuoteResults(hits.Total, await QuoteItemsAsync(hits.Page, text, cancellationToken), notes);
    }

    /// <summary>The outlet and date of every article the query matches (for charts whose counts must equal the search's own).</summary>
    public async Task<IReadOnlyList<ArticleFacts>> MatchingFactsAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (await MatchAsync(query, SearchFields.ArticleKind, true, 0, 0, collectAll: true, [], cancellationToken) is not var (hits, _))
        {
            return [];
        }

        using var all = hits.All!;
        var known = await facts.FactsAsync(db, all.Ids, cancellationToken);
        return [.. all.Ids.Where(known.ContainsKey).Select(id => known[id])];
    }

    // The hits of one kind of document, or null when the query cannot match anything.
    private async Task<(IndexHits Hits, Lucene.Net.Search.Query? Text)?> MatchAsync(
        SearchQuery query, string kind, bool byDate, int skip, int take, bool collectAll, List<string> notes, CancellationToken cancellationToken)
    {
        if (query.IsEmpty || (!query.HasTerms && !query.HasFilters))
        {
            return null;
        }

        await EnsureCurrentAsync(notes, cancellationToken);
        var fields = kind == SearchFields.ArticleKind ? IndexQuery.ArticleFields : IndexQuery.QuoteFields;
        var filterWords = new IndexQuery(index.Analyzer, fields, []);
        if (await SearchFilters.BuildAsync(db, query, filterWords, notes, cancellationToken) is not { } filters)
        {
            return null;
        }

        return index.Search(searcher =>
        {
            var prefixes = PrefixExpansion.Expand(searcher.IndexReader, query, [.. fields.Select(f => f.Name)], notes);
            var words = new IndexQuery(index.Analyzer, fields, prefixes);
            var text = words.Text(query);
            var hits = IndexHits.Collect(searcher, words.Build(text, query, kind, filters), byDate, skip, take, collectAll, TimeBudget);
            if (hits.TimedOut)
            {
                notes.Add($"The search took longer than {TimeBudget.TotalSeconds:0} seconds and was stopped: these are the matches found by then. Try fewer prefixes (word*) or more specific words.");
            }

            return ((IndexHits, Lucene.Net.Search.Query?)?)(hits, text);
        });
    }

    // Read-your-writes: a change recorded in this database is applied before searching, unless a rebuild is under way.
    private async Task EnsureCurrentAsync(List<string> notes, CancellationToken cancellationToken)
    {
        if (index.Rebuilding is null && await index.IsBehindAsync(db, cancellationToken) && !await index.CatchUpAsync(db, cancellationToken))
        {
            notes.Add("The search index is catching up with recent changes: the newest may not show for a moment.");
        }

        if (index.Rebuilding is { } rebuild)
        {
            notes.Add($"The search index is catching up ({rebuild.Done:N0} of {rebuild.Total:N0} articles indexed so far): results may be incomplete for a moment.");
        }
    }

    private async Task<List<ArticleHit>> ArticleItemsAsync(IReadOnlyList<(int Id, float Score)> page, Lucene.Net.Search.Query? text, CancellationToken cancellationToken)
    {
        var ids = page.Select(h => h.Id).ToList();
        var bodies = (await db.ArticleParagraphs.AsNoTracking().Where(p => ids.Contains(p.ArticleId)).OrderBy(p => p.ArticleId).ThenBy(p => p.Ordinal)
                .Select(p => new { p.ArticleId, p.Text }).ToListAsync(cancellationToken))
            .GroupBy(p => p.ArticleId).ToDictionary(g => g.Key, g => string.Join('\n', g.Select(p => p.Text)));
        var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.TitleDerived, Outlet = a.Outlet == null ? null : a.Outlet.Name, a.PublishedOn })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        return [.. page.Where(h => rows.ContainsKey(h.Id)).Select(h =>
        {
            var row = rows[h.Id];
            var snippet = Snippets.Best(index.Analyzer, text, bodies.GetValueOrDefault(h.Id, ""));
            return new ArticleHit(row.Id, row.Title, row.TitleDerived, row.Outlet, row.PublishedOn, Highlight(snippet, ""), h.Score);
        })];
    }

    private async Task<List<QuoteHit>> QuoteItemsAsync(IReadOnlyList<(int Id, float Score)> page, Lucene.Net.Search.Query? text, CancellationToken cancellationToken)
    {
        var ids = page.Select(h => h.Id).ToList();
        var rows = await db.Quotes.AsNoTracking().Where(q => ids.Contains(q.Id))
            .Select(q => new
            {
                q.Id, q.Text, q.Partial, q.SpeakerEntityId, SpeakerName = q.SpeakerEntity == null ? null : q.SpeakerEntity.Name, q.SpeakerDescription, q.Verb,
                q.ArticleId, ArticleTitle = q.Article!.Title, Outlet = q.Article.Outlet == null ? null : q.Article.Outlet.Name, q.Article.PublishedOn, q.QuoteClusterId,
            })
            .ToDictionaryAsync(q => q.Id, cancellationToken);
        return [.. page.Where(h => rows.ContainsKey(h.Id)).Select(h =>
        {
            var q = rows[h.Id];
            return new QuoteHit(q.Id, q.Text, Highlight(Snippets.All(index.Analyzer, text, SearchFields.Text, q.Text), ""), q.Partial, q.SpeakerEntityId, q.SpeakerName,
                q.SpeakerDescription, q.Verb, q.ArticleId, q.ArticleTitle, q.Outlet, q.PublishedOn, q.QuoteClusterId, h.Score);
        })];
    }

    /// <summary>Encodes every piece of text and wraps the matched words in &lt;mark&gt;: the only markup in a snippet is ours.</summary>
    public static string Highlight(string snippet, string suffix)
    {
        var html = new StringBuilder();
        var inMark = false;
        var piece = new StringBuilder();
        foreach (var c in snippet + suffix)
        {
            if (c is MarkOpen or MarkClose)
            {
                html.Append(HtmlEncoder.Default.Encode(piece.ToString()));
                piece.Clear();
                html.Append(c == MarkOpen && !inMark ? "<mark>" : inMark ? "</mark>" : "");
                inMark = c == MarkOpen;
                continue;
            }

            piece.Append(c);
        }

        html.Append(HtmlEncoder.Default.Encode(piece.ToString()));
        if (inMark)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }
}
