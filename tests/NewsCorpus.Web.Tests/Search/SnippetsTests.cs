using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Tests.Search;

/// <summary>Snippets show the passage that matches, mark the matched words by stem, and never pass markup through.</summary>
public sealed class SnippetsTests
{
    private static readonly SearchAnalyzer s_analyzer = new();

    private static string Snippet(string q, string body)
    {
        var query = SearchQuery.Parse(q);
        var text = new IndexQuery(s_analyzer, IndexQuery.ArticleFields, []).Text(query);
        return SearchService.Highlight(Snippets.Best(s_analyzer, text, body), "");
    }

    [Fact]
    public void The_passage_with_the_match_is_shown_cut_with_ellipses()
    {
        var body = string.Join(' ', Enumerable.Repeat("The council met again on a quiet morning.", 40)) + " Then the troops left the city at dawn. " + string.Join(' ', Enumerable.Repeat("Nothing else happened that day.", 40));
        var snippet = Snippet("troop", body);
        Assert.StartsWith("…", System.Net.WebUtility.HtmlDecode(snippet), StringComparison.Ordinal);
        Assert.EndsWith("…", System.Net.WebUtility.HtmlDecode(snippet), StringComparison.Ordinal);
        Assert.Contains("<mark>troops</mark> left the city", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_of_a_phrase_share_one_mark()
    {
        Assert.Contains("<mark>foreign troops</mark>", Snippet("\"foreign troops\"", "Parliament voted to expel foreign troops from the country."), StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_the_text_is_encoded_around_the_marks()
    {
        var snippet = Snippet("troops", "<script>alert(1)</script> The <b>troops</b> withdrew.");
        Assert.DoesNotContain("<script>", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;<mark>troops</mark>&lt;/b&gt;", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_match_in_the_body_the_opening_is_shown()
    {
        Assert.Equal("Short body text.", Snippet("headline", "Short body text."));
    }
}
