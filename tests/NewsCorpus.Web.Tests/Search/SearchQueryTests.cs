using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Tests.Search;

/// <summary>The query language: what users type becomes terms and filters, and nothing else reaches the index.</summary>
public sealed class SearchQueryTests
{
    [Fact]
    public void Words_phrases_or_exclusions_prefixes_and_filters_parse()
    {
        var query = SearchQuery.Parse("Iran OR Iraq \"foreign troops\" -Trump troop* outlet:\"The Jerusalem Post\" speaker:Zarif entity:ISIS from:2020-01 to:2020");
        Assert.Equal(3, query.Required.Count);
        Assert.Equal(["iran", "iraq"], query.Required[0].Select(t => t.Words[0]));
        Assert.Equal(TermKind.Phrase, query.Required[1][0].Kind);
        Assert.Equal(TermKind.Prefix, query.Required[2][0].Kind);
        Assert.Equal("trump", Assert.Single(query.Excluded).Words[0]);
        Assert.Equal("The Jerusalem Post", query.Outlet);
        Assert.Equal("Zarif", query.Speaker);
        Assert.Equal("ISIS", query.Entity);
        Assert.Equal(new DateOnly(2020, 1, 1), query.From);
        Assert.Equal(new DateOnly(2020, 12, 31), query.To);
        var words = new IndexQuery(new SearchAnalyzer(), IndexQuery.ArticleFields, new() { ["troop"] = ["troop", "trooper"] });
        Assert.Equal("+((title:iran^4.0 body:iran) (title:iraq^4.0 body:iraq)) +(title:\"foreign troop\"^4.0 body:\"foreign troop\")"
            + " +(title:troop^4.0 title:trooper^4.0 body:troop body:trooper)", words.Text(query)!.ToString());
    }

    [Theory]
    [InlineData("NEAR(a b)")]
    [InlineData("title:iran ^ * AND AND")]
    [InlineData("\"unbalanced quote")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("a\"b\"\"c")]
    [InlineData("{col}: x")]
    public void Hostile_input_becomes_plain_terms_only(string input)
    {
        // Only terms of letters and digits in the known fields: no operator, field or wildcard of any syntax gets through.
        var query = SearchQuery.Parse(input);
        var text = new IndexQuery(new SearchAnalyzer(), IndexQuery.ArticleFields, []).Text(query);
        var terms = new HashSet<Lucene.Net.Index.Term>();
        text?.ExtractTerms(terms);
        Assert.All(terms, t => Assert.Matches("^(title|body)$", t.Field));
        Assert.All(terms, t => Assert.Matches("^[a-z0-9]+$", t.Text));
    }

    [Fact]
    public void Nothing_to_search_for_is_explained()
    {
        Assert.NotEmpty(SearchQuery.Parse("^ * :").Notes);
        Assert.NotEmpty(SearchQuery.Parse("-trump").Notes);
        Assert.NotEmpty(SearchQuery.Parse("from:yesterday iran").Notes);
        Assert.True(SearchQuery.Parse("").IsEmpty);
    }

    [Fact]
    public void Very_long_queries_are_cut_with_a_note()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"word{i}")));
        Assert.Equal(SearchQuery.MaxTerms, query.Required.Count);
        Assert.NotEmpty(query.Notes);
    }

    [Fact]
    public void A_word_given_many_times_is_one_term()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("word", 1000)));
        Assert.Single(query.Required);
        Assert.Contains("Words given more than once were searched once.", query.Notes);
    }

    [Fact]
    public void Snippets_are_encoded_around_the_marks()
    {
        Assert.Equal("a &lt;b&gt; <mark>troop</mark> &amp; c", SearchService.Highlight("a <b> \uE000troop\uE001 & c", ""));
    }
}
