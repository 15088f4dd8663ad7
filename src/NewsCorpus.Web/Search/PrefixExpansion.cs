using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Search;

/// <summary>
/// Bounds what a prefix costs: on SQLite, "troop*" becomes the words of the index that start with it, at most
/// <see cref="MaxWords"/> of them (those in the most documents), looked up in the full-text index's vocabulary
/// (fts5vocab), and the query's notes say when more were left out. PostgreSQL keeps its own prefix operator, bounded
/// by the search's time budget.
/// </summary>
public static class PrefixExpansion
{
    public const int MaxWords = 50;

    public const string ArticleVocabulary = "ArticleSearchVocab";
    public const string QuoteVocabulary = "QuoteSearchVocab";

    public static async Task<SearchQuery> ExpandAsync(NewsCorpusDbContext db, SearchQuery query, string vocabulary, List<string> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (db.Database.IsNpgsql() || !query.Required.Concat([query.Excluded]).SelectMany(g => g).Any(t => t.Kind == TermKind.Prefix))
        {
            return query;
        }

        var expanded = new Dictionary<string, List<SearchTerm>>(StringComparer.Ordinal);
        foreach (var prefix in query.Required.SelectMany(g => g).Concat(query.Excluded).Where(t => t.Kind == TermKind.Prefix).Select(t => t.Words[0]).Distinct())
        {
            var words = await WordsAsync(db, vocabulary, prefix, cancellationToken);
            if (words.Count > MaxWords)
            {
                notes.Add($"{prefix}* matches more than {MaxWords} words; the {MaxWords} found in most documents were searched.");
            }

            // A prefix no word starts with stays as it is: it matches nothing, quickly.
            expanded[prefix] = words.Count == 0 ? [new SearchTerm(TermKind.Prefix, [prefix])] : [.. words.Take(MaxWords).Select(w => new SearchTerm(TermKind.Word, [w]))];
        }

        IEnumerable<SearchTerm> Expand(SearchTerm term) => term.Kind == TermKind.Prefix ? expanded[term.Words[0]] : [term];
        return query with
        {
            Required = [.. query.Required.Select(g => (IReadOnlyList<SearchTerm>)[.. g.SelectMany(Expand)])],
            Excluded = [.. query.Excluded.SelectMany(Expand)],
        };
    }

    // The index's words in [prefix, prefix with its last letter raised), most documents first; one more than kept, to know if any were left out.
    private static async Task<List<string>> WordsAsync(NewsCorpusDbContext db, string vocabulary, string prefix, CancellationToken cancellationToken)
    {
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT term FROM {vocabulary} WHERE term >= $low AND term < $high ORDER BY doc DESC, term LIMIT {MaxWords + 1}";
        var low = command.CreateParameter();
        (low.ParameterName, low.Value) = ("$low", prefix);
        var high = command.CreateParameter();
        (high.ParameterName, high.Value) = ("$high", upper);
        command.Parameters.Add(low);
        command.Parameters.Add(high);
        var words = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            words.Add(reader.GetString(0));
        }

        return words;
    }
}
