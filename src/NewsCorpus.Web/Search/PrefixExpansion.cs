using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NewsCorpus.Web.Search;

/// <summary>
/// Bounds what a prefix costs: "troop*" becomes the index words that start with it, at most <see cref="MaxWords"/>
/// of them (those in the most documents), and the query's notes say when more were left out. Prefixes match the
/// start of the indexed (stemmed) words, as they always have.
/// </summary>
internal static class PrefixExpansion
{
    public const int MaxWords = 50;

    /// <summary>Each prefix of the query → the index words it stands for (empty when none starts with it).</summary>
    public static Dictionary<string, List<string>> Expand(IndexReader reader, SearchQuery query, IReadOnlyList<string> fields, List<string> notes)
    {
        var expanded = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var prefix in query.Required.SelectMany(g => g).Concat(query.Excluded).Where(t => t.Kind == TermKind.Prefix).Select(t => t.Words[0]).Distinct())
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var field in fields)
            {
                Count(reader, field, SearchAnalyzer.FoldPrefix(prefix), counts);
            }

            if (counts.Count > MaxWords)
            {
                notes.Add($"{prefix}* matches more than {MaxWords} words; the {MaxWords} found in most documents were searched.");
            }

            expanded[prefix] = [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(MaxWords).Select(c => c.Key)];
        }

        return expanded;
    }

    private static void Count(IndexReader reader, string field, string prefix, Dictionary<string, int> counts)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return;
        }

        var start = new BytesRef(prefix);
        var words = terms.GetEnumerator();
        if (words.SeekCeil(start) == TermsEnum.SeekStatus.END)
        {
            return;
        }

        do
        {
            var word = words.Term;
            if (!StringHelper.StartsWith(word, start))
            {
                return;
            }

            var text = word.Utf8ToString();
            counts[text] = counts.GetValueOrDefault(text) + words.DocFreq;
        }
        while (words.MoveNext());
    }
}
