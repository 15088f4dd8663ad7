using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NewsCorpus.Web.Search;

/// <summary>
/// Marks the matched words of a text with two private-use characters, which <see cref="SearchService.Highlight"/>
/// turns into &lt;mark&gt; after encoding everything else: the text itself is never trusted as markup. A word matches
/// when the index's analyzer turns it into one of the query's terms, so "troops" is marked for a search for troop.
/// One pass of the analyzer over the text; no index is built for it.
/// </summary>
internal static class Snippets
{
    public const char MarkOpen = '\uE000';
    public const char MarkClose = '\uE001';
    private const int WindowWords = 32;
    private const int LeadWords = 4;
    private const int OpeningChars = 220;

    private readonly record struct Word(int Start, int End, string? Match);

    /// <summary>The passage of <paramref name="field"/>'s text that holds the most of the query's terms, with "…" where it was cut; the opening when none matched.</summary>
    public static string Best(SearchAnalyzer analyzer, Query? text, string body, string field = SearchFields.Body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var terms = text is null ? [] : TermsOf(text, field);
        var from = Skippable(body, terms);
        var words = Words(analyzer, terms, field, body, from, stopEarly: true);
        var best = BestWindow(words);
        if (best < 0)
        {
            return body.Length <= OpeningChars ? body : body[..OpeningChars] + "…";
        }

        var end = Math.Min(words.Count, best + WindowWords);
        return (words[best].Start > 0 ? "…" : "") + Marked(body, words, best, end) + (words[end - 1].End < body.TrimEnd().Length ? "…" : "");
    }

    // Most stems start the words they come from ("troop" in "Troops"): the text before the first place any term's letters
    // appear cannot hold a match of that kind, so analysis starts a little before it. Terms whose letters appear nowhere
    // (stems that are not prefixes, folded accents) leave the whole text to be read.
    private static int Skippable(string body, HashSet<string> terms)
    {
        var first = int.MaxValue;
        foreach (var term in terms)
        {
            var at = body.IndexOf(term, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return 0;
            }

            first = Math.Min(first, at);
        }

        if (first == int.MaxValue || first < 400)
        {
            return 0;
        }

        var start = body.LastIndexOf('\n', first - 200);
        return start < 0 ? 0 : start + 1;
    }

    /// <summary>The whole text with every matched word marked.</summary>
    public static string All(SearchAnalyzer analyzer, Query? text, string field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (text is null)
        {
            return value;
        }

        var words = Words(analyzer, TermsOf(text, field), field, value, 0, stopEarly: false);
        return words.Count == 0 ? value : value[..words[0].Start] + Marked(value, words, 0, words.Count) + value[words[^1].End..];
    }

    private static HashSet<string> TermsOf(Query query, string field)
    {
        var terms = new HashSet<Term>();
        query.ExtractTerms(terms);
        return [.. terms.Where(t => t.Field == field).Select(t => t.Text)];
    }

    // With stopEarly, reading ends a window's length after every term has been seen: no later window can hold more of them.
    private static List<Word> Words(SearchAnalyzer analyzer, HashSet<string> terms, string field, string text, int from, bool stopEarly)
    {
        var words = new List<Word>();
        if (terms.Count == 0)
        {
            return words;
        }

        using var stream = analyzer.GetTokenStream(field, from == 0 ? text : text[from..]);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stopAt = int.MaxValue;
        stream.Reset();
        while (words.Count < stopAt && stream.IncrementToken())
        {
            var value = term.ToString();
            var match = terms.Contains(value) ? value : null;
            words.Add(new Word(from + offset.StartOffset, from + offset.EndOffset, match));
            if (stopEarly && match is not null && seen.Add(match) && seen.Count == terms.Count)
            {
                stopAt = words.Count + WindowWords + 1;
            }
        }

        stream.End();
        return words;
    }

    // The window start (a few words before a match) whose window holds the most distinct matched terms, then the most matches.
    private static int BestWindow(List<Word> words)
    {
        var best = -1;
        var bestScore = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Match is null)
            {
                continue;
            }

            var start = Math.Max(0, i - LeadWords);
            var window = words.Skip(start).Take(WindowWords).Where(w => w.Match is not null).ToList();
            var score = (window.Select(w => w.Match).Distinct(StringComparer.Ordinal).Count() * 1000) + window.Count;
            if (score > bestScore)
            {
                (best, bestScore) = (start, score);
            }
        }

        return best;
    }

    // Matched words next to each other ("foreign troops") share one mark, as a phrase reads.
    private static string Marked(string text, List<Word> words, int from, int to)
    {
        var marked = new StringBuilder();
        var position = words[from].Start;
        for (var i = from; i < to; i++)
        {
            if (words[i].Match is null)
            {
                continue;
            }

            var last = i;
            while (last + 1 < to && words[last + 1].Match is not null && string.IsNullOrWhiteSpace(text[words[last].End..words[last + 1].Start]))
            {
                last++;
            }

            marked.Append(text, position, words[i].Start - position).Append(MarkOpen).Append(text, words[i].Start, words[last].End - words[i].Start).Append(MarkClose);
            position = words[last].End;
            i = last;
        }

        return marked.Append(text, position, words[to - 1].End - position).ToString();
    }
}
