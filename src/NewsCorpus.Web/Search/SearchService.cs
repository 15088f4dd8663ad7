using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Entities;

namespace NewsCorpus.Web.Search;

public sealed record FacetValue(string Value, int Count);

public sealed record ArticleHit(int ArticleId, string Title, bool TitleDerived, string? Outlet, DateOnly? PublishedOn, string SnippetHtml, double Score);

public sealed record ArticleResults(int Total, IReadOnlyList<ArticleHit> Items, IReadOnlyList<FacetValue> Outlets, IReadOnlyList<FacetValue> Entities, IReadOnlyList<FacetValue> Months, IReadOnlyList<string> Notes);

public sealed record QuoteHit(int Id, string Text, string TextHtml, bool Partial, int? SpeakerId, string? SpeakerName, string? SpeakerDescription, string? Verb,
    int ArticleId, string ArticleTitle, string? Outlet, DateOnly? PublishedOn, int? ClusterId, double Score);

public sealed record QuoteResults(int Total, IReadOnlyList<QuoteHit> Items, IReadOnlyList<string> Notes);

/// <summary>
/// Full-text search over SQLite FTS5 or PostgreSQL text search (stemming, case and diacritics folded; the SQL that
/// differs is in <see cref="FullTextSql"/>). The query arrives parsed (<see cref="SearchQuery"/>) and is rebuilt from
/// letters and digits only, every term quoted, so user text never reaches either engine's query syntax. Ranking
/// weights the title four times the body.
/// </summary>
public sealed class SearchService(NewsCorpusDbContext db, ArticleFacetIndex facts, ILogger<SearchService> logger)
{
    public const string Relevance = "relevance";
    public const string Date = "date";

    private const char MarkOpen = FullTextSql.MarkOpen;
    private const char MarkClose = FullTextSql.MarkClose;

    /// <summary>The FTS5 MATCH expression for a query with terms: groups joined by AND, OR inside a group, NOT for exclusions.</summary>
    public static string MatchExpression(SearchQuery query)
    {
        var groups = query.Required.Select(g => g.Count == 1 ? Fts(g[0]) : "(" + string.Join(" OR ", g.Select(Fts)) + ")");
        var expression = string.Join(" AND ", groups);
        foreach (var excluded in query.Excluded)
        {
            expression += " NOT " + Fts(excluded);
        }

        return expression;
    }

    private static string Fts(SearchTerm term)
    {
        var quoted = "\"" + string.Join(' ', term.Words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return term.Kind == TermKind.Prefix ? quoted + "*" : quoted;
    }

    /// <summary>"date" sorts newest first; anything else is relevance.</summary>
    public static string ReadSort(string? sort) => string.Equals(sort, Date, StringComparison.OrdinalIgnoreCase) ? Date : Relevance;

    public async Task<ArticleResults> SearchArticlesAsync(SearchQuery query, string sort, int page, int pageSize, CancellationToken cancellationToken)
    {
        try
        {
            return await ArticlesAsync(query, sort, page, pageSize, cancellationToken);
        }
        catch (SearchTimeoutException ex)
        {
            logger.LogWarning("Search {Query} stopped after its time budget", query.ToString());
            return new ArticleResults(0, [], [], [], [], [.. query.Notes, ex.Message + TimeoutAdvice]);
        }
    }

    public async Task<QuoteResults> SearchQuotesAsync(SearchQuery query, string sort, int page, int pageSize, CancellationToken cancellationToken)
    {
        try
        {
            return await QuotesAsync(query, sort, page, pageSize, cancellationToken);
        }
        catch (SearchTimeoutException ex)
        {
            logger.LogWarning("Quote search {Query} stopped after its time budget", query.ToString());
            return new QuoteResults(0, [], [.. query.Notes, ex.Message + TimeoutAdvice]);
        }
    }

    private const string TimeoutAdvice = " Try fewer prefixes (word*) or more specific words.";

    /// <summary>The outlet and date of every article the query matches (for charts whose counts must equal the search's own).</summary>
    public async Task<IReadOnlyList<ArticleFacts>> MatchingFactsAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        try
        {
            return (await MatchAsync(query, [], cancellationToken))?.Hits.Select(h => h.Facts).ToList() ?? [];
        }
        catch (SearchTimeoutException)
        {
            return [];
        }
    }

    // One pass over the hits gives the count, the order and the outlet and month facets; the SQL and parameters come
    // back for reading the page's snippets. Null when the query cannot match anything.
    private async Task<(List<Hit> Hits, FullTextSql Sql, Dictionary<string, object?> Parameters)?> MatchAsync(SearchQuery query, List<string> notes, CancellationToken cancellationToken)
    {
        if (query.IsEmpty || (!query.HasTerms && !query.HasFilters))
        {
            return null;
        }

        var filters = await FiltersAsync(query, "a", speakerByArticle: true, notes, cancellationToken);
        if (filters is null)
        {
            return null;
        }

        var parameters = new Dictionary<string, object?>(filters.Value.Parameters);
        var sql = FullTextSql.For(db.Database);
        if (query.HasTerms)
        {
            query = await PrefixExpansion.ExpandAsync(db, query, PrefixExpansion.ArticleVocabulary, notes, cancellationToken);
            sql.AddMatch(query, parameters);
        }

        var hitSql = query.HasTerms
            ? sql.ArticleHits(filters.Value.Sql)
            : "SELECT a.\"Id\", 0.0 FROM \"Articles\" a WHERE 1 = 1" + filters.Value.Sql;
        var scored = await ReadAsync(hitSql, parameters, r => (Id: r.GetInt32(0), Score: Convert.ToDouble(r.GetValue(1), CultureInfo.InvariantCulture)), cancellationToken);
        var known = await facts.FactsAsync(db, scored.Select(h => h.Id).ToList(), cancellationToken);
        var hits = scored.Where(h => known.ContainsKey(h.Id))
            .Select(h => new Hit(h.Id, h.Score, known[h.Id].PublishedOn, known[h.Id].PublishedTime, known[h.Id].Outlet, known[h.Id]))
            .ToList();
        return (hits, sql, parameters);
    }

    private async Task<ArticleResults> ArticlesAsync(SearchQuery query, string sort, int page, int pageSize, CancellationToken cancellationToken)
    {
        var notes = query.Notes.ToList();
        if (await MatchAsync(query, notes, cancellationToken) is not var (hits, sql, parameters))
        {
            return new ArticleResults(0, [], [], [], [], notes);
        }

        var ordered = sort == Date || !query.HasTerms
            ? hits.OrderBy(h => h.PublishedOn is null).ThenByDescending(h => h.PublishedOn, StringComparer.Ordinal)
                .ThenByDescending(h => h.PublishedTime, StringComparer.Ordinal).ThenBy(h => h.Score).ThenBy(h => h.Id)
            : hits.OrderBy(h => h.Score).ThenBy(h => h.Id);
        var pageHits = ordered.Skip((int)Math.Min((page - 1L) * pageSize, Api.Paging.MaxOffset)).Take(pageSize).ToList();

        var items = new List<ArticleHit>();
        if (pageHits.Count > 0)
        {
            // The page's rows by id: snippets from the full-text table (or the opening paragraph), the rest from the articles.
            var pageIds = pageHits.Select(h => h.Id).ToList();
            var snippets = query.HasTerms
                ? (await ReadAsync(sql.ArticleSnippets(IdList(pageIds)), parameters,
                        r => (Id: r.GetInt32(0), Text: r.IsDBNull(1) ? "" : r.GetString(1)), cancellationToken))
                    .ToDictionary(r => r.Id, r => r.Text)
                : await db.ArticleParagraphs.AsNoTracking().Where(p => pageIds.Contains(p.ArticleId) && p.Ordinal == 0)
                    .Select(p => new { p.ArticleId, Text = p.Text.Length > 240 ? p.Text.Substring(0, 240) : p.Text })
                    .ToDictionaryAsync(p => p.ArticleId, p => p.Text, cancellationToken);
            var rows = await db.Articles.AsNoTracking().Where(a => pageIds.Contains(a.Id))
                .Select(a => new { a.Id, a.Title, a.TitleDerived, Outlet = a.Outlet == null ? null : a.Outlet.Name, a.PublishedOn })
                .ToDictionaryAsync(a => a.Id, cancellationToken);
            foreach (var hit in pageHits)
            {
                if (rows.TryGetValue(hit.Id, out var row))
                {
                    items.Add(new ArticleHit(row.Id, row.Title, row.TitleDerived, row.Outlet, row.PublishedOn,
                        Highlight(snippets.GetValueOrDefault(row.Id, ""), query.HasTerms ? "" : "…"), hit.Score));
                }
            }
        }

        var outlets = hits.GroupBy(h => h.Outlet).Select(g => new FacetValue(g.Key, g.Count()))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).Take(20).ToList();
        var months = hits.Where(h => h.PublishedOn is { Length: >= 7 }).GroupBy(h => h.PublishedOn![..7]).Select(g => new FacetValue(g.Key, g.Count()))
            .OrderByDescending(f => f.Value, StringComparer.Ordinal).Take(24).ToList();
        var entities = await facts.TopEntitiesAsync(db, hits.Select(h => h.Facts), 10, cancellationToken);
        return new ArticleResults(hits.Count, items, outlets, entities, months, notes);
    }

    private sealed record Hit(int Id, double Score, string? PublishedOn, string? PublishedTime, string Outlet, ArticleFacts Facts);

    private async Task<QuoteResults> QuotesAsync(SearchQuery query, string sort, int page, int pageSize, CancellationToken cancellationToken)
    {
        var notes = query.Notes.ToList();
        if (query.IsEmpty)
        {
            return new QuoteResults(0, [], notes);
        }

        var filters = await FiltersAsync(query, "a", speakerByArticle: false, notes, cancellationToken);
        if (filters is null)
        {
            return new QuoteResults(0, [], notes);
        }

        var parameters = new Dictionary<string, object?>(filters.Value.Parameters);
        var sql = FullTextSql.For(db.Database);
        var speakerSql = "";
        if (query.Speaker is not null)
        {
            // For quotes, speaker: means who said it, not which article quotes them.
            var ids = await EntityNames.FindIdsAsync(db, query.Speaker, cancellationToken);
            parameters["@speakerText"] = "%" + TextPatterns.Escape(query.Speaker.Trim()) + "%";
            speakerSql = $" AND (q.\"SpeakerEntityId\" IN ({IdList(ids)}) OR q.\"SpeakerDescription\" {sql.Like} @speakerText ESCAPE '\\')";
        }

        const string Joins = "JOIN \"Articles\" a ON a.\"Id\" = q.\"ArticleId\" LEFT JOIN \"Outlets\" o ON o.\"Id\" = a.\"OutletId\" LEFT JOIN \"Entities\" e ON e.\"Id\" = q.\"SpeakerEntityId\"";
        if (query.HasTerms)
        {
            query = await PrefixExpansion.ExpandAsync(db, query, PrefixExpansion.QuoteVocabulary, notes, cancellationToken);
            sql.AddMatch(query, parameters);
        }

        var from = (query.HasTerms ? sql.QuoteMatches(Joins) : $"FROM \"Quotes\" q {Joins} WHERE 1 = 1") + filters.Value.Sql + speakerSql;
        var total = Convert.ToInt32(await ScalarAsync($"SELECT count(*) {from}", parameters, cancellationToken), CultureInfo.InvariantCulture);
        parameters["@take"] = pageSize;
        parameters["@skip"] = (page - 1) * pageSize;
        var score = query.HasTerms ? sql.QuoteScore : "0.0";
        var highlight = query.HasTerms ? sql.QuoteHighlight : "q.\"Text\"";
        var order = sort == Date || !query.HasTerms
            ? "ORDER BY a.\"PublishedOn\" IS NULL, a.\"PublishedOn\" DESC, \"Score\", q.\"Id\""
            : "ORDER BY \"Score\", q.\"Id\"";
        var items = await ReadAsync(
            $"SELECT q.\"Id\", q.\"Text\", {highlight}, q.\"Partial\", q.\"SpeakerEntityId\", e.\"Name\", q.\"SpeakerDescription\", q.\"Verb\", a.\"Id\", a.\"Title\", o.\"Name\", a.\"PublishedOn\", q.\"QuoteClusterId\", {score} AS \"Score\" {from} {order} LIMIT @take OFFSET @skip",
            parameters,
            r => new QuoteHit(r.GetInt32(0), r.GetString(1), Highlight(r.GetString(2), ""), r.GetBoolean(3), r.IsDBNull(4) ? null : r.GetInt32(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
                r.GetInt32(8), r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10),
                r.IsDBNull(11) ? null : r.GetFieldValue<DateOnly>(11),
                r.IsDBNull(12) ? null : r.GetInt32(12), Convert.ToDouble(r.GetValue(13), CultureInfo.InvariantCulture)),
            cancellationToken);
        return new QuoteResults(total, items, notes);
    }

    /// <summary>SQL conditions on the article alias for the query's filters, or null when a filter names nothing known.</summary>
    private async Task<(string Sql, Dictionary<string, object?> Parameters)?> FiltersAsync(SearchQuery query, string article, bool speakerByArticle, List<string> notes, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder();
        var parameters = new Dictionary<string, object?>();
        if (query.Outlet is { } outlet)
        {
            if (OutletFilters.IsUnknown(outlet))
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND {article}.\"OutletId\" IS NULL");
            }
            else
            {
                parameters["@outlet"] = Outlet.Normalize(outlet);
                sql.Append(CultureInfo.InvariantCulture, $" AND {article}.\"OutletId\" IN (SELECT \"Id\" FROM \"Outlets\" WHERE \"NormalizedName\" = @outlet UNION SELECT \"OutletId\" FROM \"OutletAliases\" WHERE \"Key\" = @outlet)");
            }
        }

        if (query.From is { } from)
        {
            parameters["@from"] = from;
            sql.Append(CultureInfo.InvariantCulture, $" AND {article}.\"PublishedOn\" >= @from");
        }

        if (query.To is { } to)
        {
            parameters["@to"] = to;
            sql.Append(CultureInfo.InvariantCulture, $" AND {article}.\"PublishedOn\" <= @to");
        }

        if (query.Entity is { } entity)
        {
            var ids = await EntityNames.FindIdsAsync(db, entity, cancellationToken);
            if (ids.Count == 0)
            {
                notes.Add($"No person, organisation or place is called “{entity}”.");
                return null;
            }

            sql.Append(CultureInfo.InvariantCulture, $" AND {article}.\"Id\" IN (SELECT m.\"ArticleId\" FROM \"EntityMentions\" m WHERE m.\"EntityId\" IN ({IdList(ids)}))");
        }

        if (speakerByArticle && query.Speaker is { } speaker)
        {
            // For articles, speaker: keeps the articles that quote that speaker.
            var ids = await EntityNames.FindIdsAsync(db, speaker, cancellationToken);
            parameters["@speakerDescription"] = "%" + TextPatterns.Escape(speaker.Trim()) + "%";
            sql.Append(CultureInfo.InvariantCulture,
                $" AND {article}.\"Id\" IN (SELECT q2.\"ArticleId\" FROM \"Quotes\" q2 WHERE q2.\"SpeakerEntityId\" IN ({IdList(ids)}) OR q2.\"SpeakerDescription\" {FullTextSql.For(db.Database).Like} @speakerDescription ESCAPE '\\')");
        }

        return (sql.ToString(), parameters);
    }

    private static string IdList(List<int> ids) => ids.Count == 0 ? "-1" : string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

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

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return connection;
    }

    private async Task<object?> ScalarAsync(string sql, Dictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        await using var command = (await OpenAsync(cancellationToken)).CreateCommand();
        Prepare(command, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task<List<T>> ReadAsync<T>(string sql, Dictionary<string, object?> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        Prepare(command, sql, parameters);

        // The time budget: SQLite runs a statement to its end unless interrupted, so the budget interrupts the connection;
        // PostgreSQL's client cancels the statement through the token.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeBudget);
        await using var interrupt = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? budget.Token.Register(() => SQLitePCL.raw.sqlite3_interrupt(sqlite.Handle))
            : default;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(budget.Token);
            var results = new List<T>();
            while (await reader.ReadAsync(budget.Token))
            {
                results.Add(map(reader));
            }

            return results;
        }
        catch (Exception ex) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested && ex is DbException or OperationCanceledException)
        {
            throw new SearchTimeoutException(TimeBudget, ex);
        }
    }

    /// <summary>How long one statement of a search may run before it is stopped and the search says so.</summary>
    public static TimeSpan TimeBudget { get; } = TimeSpan.FromSeconds(5);

    private static void Prepare(DbCommand command, string sql, Dictionary<string, object?> parameters)
    {
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }
}

/// <summary>A search statement ran past <see cref="SearchService.TimeBudget"/> and was stopped.</summary>
public sealed class SearchTimeoutException(TimeSpan budget, Exception inner)
    : Exception($"The search took longer than {budget.TotalSeconds:0} seconds and was stopped.", inner);
