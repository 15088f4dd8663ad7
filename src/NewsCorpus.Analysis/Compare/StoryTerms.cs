using System.Globalization;
using System.Text;

namespace NewsCorpus.Analysis.Compare;

/// <summary>What an article is about, as counts of content-word stems (headline words count twice). Stored with the article.</summary>
public static class StoryTerms
{
    /// <summary>Most terms kept per article: enough to tell events apart, small enough to store and compare fast.</summary>
    public const int MaxTerms = 100;

    public static Dictionary<string, int> Count(string title, IEnumerable<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        Add(counts, title, 2);
        foreach (var paragraph in paragraphs)
        {
            Add(counts, paragraph, 1);
        }

        return counts
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    /// <summary>"stem:count" pairs separated by spaces.</summary>
    public static string Format(IReadOnlyDictionary<string, int> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var builder = new StringBuilder();
        foreach (var (term, count) in terms)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(term).Append(':').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Reads terms written by <see cref="Format"/>. <paramref name="sharedTerms"/>, when given, keeps one string per distinct
    /// term across many parsed articles (a corpus repeats its words in every article).
    /// </summary>
    public static Dictionary<string, int> Parse(string? formatted, Dictionary<string, string>? sharedTerms = null)
    {
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(formatted))
        {
            return terms;
        }

        foreach (var pair in formatted.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.LastIndexOf(':');
            if (colon > 0 && int.TryParse(pair.AsSpan(colon + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            {
                var term = pair[..colon];
                if (sharedTerms is not null)
                {
                    if (sharedTerms.TryGetValue(term, out var shared))
                    {
                        term = shared;
                    }
                    else
                    {
                        sharedTerms[term] = term;
                    }
                }

                terms[term] = count;
            }
        }

        return terms;
    }

    private static void Add(Dictionary<string, int> counts, string text, int weight)
    {
        foreach (var word in Words.Of(text))
        {
            // Letters only: numbers and years say little about which event a story is.
            if (word.IsNumber || word.Folded.Length < 3 || Words.IsStopword(word.Folded) || !char.IsLetter(word.Folded[0]))
            {
                continue;
            }

            var stem = Words.Stem(word.Folded);
            counts[stem] = counts.GetValueOrDefault(stem) + weight;
        }
    }
}
