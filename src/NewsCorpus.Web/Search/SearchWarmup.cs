using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NewsCorpus.Web.Search;

/// <summary>
/// Warms a freshly opened index the way Lucene servers warm a new searcher: the commonest words of the corpus are
/// searched a few dozen times, as the heaviest real searches are. Besides loading the index files, this matters to
/// the .NET runtime: it compiles hot code with the profile it has seen, and code first shaped by a few searches for rare
/// words ran common-word searches two to four times slower (docs/benchmarks.md).
/// </summary>
internal static class SearchWarmup
{
    private const int Words = 3;
    private const int Rounds = 30;

    public static void Warm(IndexSearcher searcher, SearchAnalyzer analyzer)
    {
        var common = CommonestWords(searcher.IndexReader, SearchFields.Body, Words);
        if (common.Count == 0)
        {
            return;
        }

        string[] texts = [.. common, string.Join(' ', common.Take(2)), "\"" + string.Join(' ', common.Take(2)) + "\"", common[0][..Math.Min(3, common[0].Length)] + "*"];
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var text in texts)
            {
                var query = SearchQuery.Parse(text);
                var fields = IndexQuery.ArticleFields;
                var words = new IndexQuery(analyzer, fields, PrefixExpansion.Expand(searcher.IndexReader, query, [.. fields.Select(f => f.Name)], []));
                using var all = IndexHits.Collect(searcher, words.Build(words.Text(query), query, SearchFields.ArticleKind, []), round % 4 == 3, 0, 20, true).All;
            }
        }
    }

    // The words in most documents (stems as the index holds them), read from the term dictionary.
    private static List<string> CommonestWords(IndexReader reader, string field, int count)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return [];
        }

        var best = new List<(string Word, int Documents)>();
        var words = terms.GetEnumerator();
        while (words.MoveNext())
        {
            if (words.DocFreq > (best.Count < count ? 0 : best[^1].Documents))
            {
                best.Add((words.Term.Utf8ToString(), words.DocFreq));
                best.Sort((a, b) => b.Documents.CompareTo(a.Documents));
                if (best.Count > count)
                {
                    best.RemoveAt(count);
                }
            }
        }

        return [.. best.Select(b => b.Word)];
    }
}
