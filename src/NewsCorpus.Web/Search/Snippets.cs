using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace NewsCorpus.Web.Search;

/// <summary>
/// Marks the matched words of a text with two private-use characters, which <see cref="SearchService.Highlight"/>
/// turns into &lt;mark&gt; after encoding everything else: the text itself is never trusted as markup.
/// </summary>
internal static class Snippets
{
    public const char MarkOpen = '\uE000';
    public const char MarkClose = '\uE001';
    private const int FragmentChars = 220;

    /// <summary>The passage of the body that best matches, with "…" where it was cut; the opening when nothing in the body matched.</summary>
    public static string Best(SearchAnalyzer analyzer, Query? text, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (text is not null)
        {
            var scorer = new QueryScorer(text, SearchFields.Body);
            var highlighter = new Highlighter(new SimpleHTMLFormatter(MarkOpen.ToString(), MarkClose.ToString()), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentChars),
            };
            var fragment = highlighter.GetBestFragment(analyzer, SearchFields.Body, body)?.Trim();
            if (!string.IsNullOrEmpty(fragment))
            {
                var plain = fragment.Replace(MarkOpen.ToString(), "", StringComparison.Ordinal).Replace(MarkClose.ToString(), "", StringComparison.Ordinal);
                return (body.StartsWith(plain, StringComparison.Ordinal) ? "" : "…") + fragment + (body.TrimEnd().EndsWith(plain, StringComparison.Ordinal) ? "" : "…");
            }
        }

        return body.Length <= FragmentChars ? body : body[..FragmentChars] + "…";
    }

    /// <summary>The whole text with every matched word marked.</summary>
    public static string All(SearchAnalyzer analyzer, Query? text, string field, string value)
    {
        if (text is null)
        {
            return value;
        }

        var highlighter = new Highlighter(new SimpleHTMLFormatter(MarkOpen.ToString(), MarkClose.ToString()), new QueryScorer(text, field))
        {
            TextFragmenter = new NullFragmenter(),
        };
        return highlighter.GetBestFragment(analyzer, field, value) ?? value;
    }
}
