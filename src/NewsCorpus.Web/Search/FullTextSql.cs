using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace NewsCorpus.Web.Search;

/// <summary>
/// The SQL in which SQLite FTS5 and PostgreSQL text search differ: matching, ranking and highlighting. Everything
/// else in <see cref="SearchService"/> (filters, ordering, facets, paging) is written once. Scores sort ascending,
/// best first, on both (FTS5's BM25 rank is negative; PostgreSQL's ts_rank is negated to match).
/// </summary>
internal abstract class FullTextSql
{
    public const char MarkOpen = '\uE000';
    public const char MarkClose = '\uE001';

    /// <summary>One per search: <see cref="AddMatch"/> fixes the query the other methods then refer to.</summary>
    public static FullTextSql For(DatabaseFacade database) => database.IsNpgsql() ? new Postgres() : new Sqlite();

    /// <summary>LIKE that ignores case.</summary>
    public abstract string Like { get; }

    /// <summary>Adds the parameters the query's terms need; the other methods then refer to them.</summary>
    public abstract void AddMatch(SearchQuery query, Dictionary<string, object?> parameters);

    /// <summary>(article id, score) of every matching article; with filters, the article is joined as <c>a</c>.</summary>
    public abstract string ArticleHits(string filters);

    /// <summary>(article id, snippet with the matched words between the mark characters) for the given ids.</summary>
    public abstract string ArticleSnippets(string ids);

    /// <summary>FROM and WHERE over matching quotes, the quote joined as <c>q</c>; the caller appends joins' conditions.</summary>
    public abstract string QuoteMatches(string joins);

    public abstract string QuoteScore { get; }

    public abstract string QuoteHighlight { get; }

    private sealed class Sqlite : FullTextSql
    {
        public override string Like => "LIKE";

        public override void AddMatch(SearchQuery query, Dictionary<string, object?> parameters) =>
            parameters["@match"] = SearchService.MatchExpression(query);

        public override string ArticleHits(string filters) => filters.Length == 0
            ? "SELECT rowid, rank FROM ArticleSearch WHERE ArticleSearch MATCH @match"
            : "SELECT a.\"Id\", ArticleSearch.rank FROM ArticleSearch JOIN \"Articles\" a ON a.\"Id\" = ArticleSearch.rowid WHERE ArticleSearch MATCH @match" + filters;

        public override string ArticleSnippets(string ids) =>
            $"SELECT rowid, snippet(ArticleSearch, -1, char({(int)MarkOpen}), char({(int)MarkClose}), '…', 32) FROM ArticleSearch WHERE ArticleSearch MATCH @match AND rowid IN ({ids})";

        public override string QuoteMatches(string joins) =>
            $"FROM QuoteSearch JOIN \"Quotes\" q ON q.\"Id\" = QuoteSearch.rowid {joins} WHERE QuoteSearch MATCH @match";

        public override string QuoteScore => "QuoteSearch.rank";

        public override string QuoteHighlight => $"highlight(QuoteSearch, 0, char({(int)MarkOpen}), char({(int)MarkClose}))";
    }

    /// <summary>
    /// The query becomes a tsquery built by PostgreSQL's own functions from parameters (words, phrases, prefixes of
    /// letters and digits only), joined with the tsquery operators: no user text is ever parsed as tsquery syntax.
    /// </summary>
    private sealed class Postgres : FullTextSql
    {
        // Title (weight A) counts four times the body (weight D), as bm25(4.0, 1.0) does on SQLite.
        private const string Weights = "'{0.25, 0.25, 0.25, 1.0}'";

        private string _query = "''::tsquery";

        public override string Like => "ILIKE";

        public override void AddMatch(SearchQuery query, Dictionary<string, object?> parameters)
        {
            var count = 0;
            string Term(SearchTerm term)
            {
                var name = $"@t{count++}";
                parameters[name] = term.Kind == TermKind.Prefix ? term.Words[0] + ":*" : string.Join(' ', term.Words);
                return term.Kind switch
                {
                    TermKind.Prefix => $"to_tsquery('newscorpus', {name})",
                    TermKind.Phrase => $"phraseto_tsquery('newscorpus', {name})",
                    _ => $"plainto_tsquery('newscorpus', {name})",
                };
            }

            var groups = query.Required.Select(g => g.Count == 1 ? Term(g[0]) : "(" + string.Join(" || ", g.Select(Term)) + ")").ToList();
            var expression = string.Join(" && ", groups);
            foreach (var excluded in query.Excluded)
            {
                expression += " && !!" + Term(excluded);
            }

            _query = "(" + expression + ")";
        }

        public override string ArticleHits(string filters) => filters.Length == 0
            ? $"SELECT s.\"ArticleId\", -ts_rank({Weights}, s.\"Document\", {_query}) FROM \"ArticleSearch\" s WHERE s.\"Document\" @@ {_query}"
            : $"SELECT a.\"Id\", -ts_rank({Weights}, s.\"Document\", {_query}) FROM \"ArticleSearch\" s JOIN \"Articles\" a ON a.\"Id\" = s.\"ArticleId\" WHERE s.\"Document\" @@ {_query}" + filters;

        public override string ArticleSnippets(string ids) =>
            $"SELECT s.\"ArticleId\", ts_headline('newscorpus', s.\"Body\", {_query}, 'StartSel={MarkOpen}, StopSel={MarkClose}, MaxWords=32, MinWords=16, MaxFragments=1') FROM \"ArticleSearch\" s WHERE s.\"ArticleId\" IN ({ids})";

        public override string QuoteMatches(string joins) =>
            $"FROM \"QuoteSearch\" s JOIN \"Quotes\" q ON q.\"Id\" = s.\"QuoteId\" {joins} WHERE s.\"Document\" @@ {_query}";

        public override string QuoteScore => $"-ts_rank(s.\"Document\", {_query})";

        public override string QuoteHighlight => $"ts_headline('newscorpus', q.\"Text\", {_query}, 'HighlightAll=true, StartSel={MarkOpen}, StopSel={MarkClose}')";
    }
}
