using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Analysis.Tests.Articles;

/// <summary>Dates a real corpus carries: CMS placeholders, typos into the far future, disagreeing fields, broken JSON-LD.</summary>
public sealed class PublicationDatesTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private const string Body = "<article><p>The harbour authority closed the northern pier on Monday after inspectors found cracks in three of its concrete pillars, officials said.</p><p>Repairs are expected to take at least six weeks and cost the city several million dollars, according to the authority's budget office.</p></article>";

    private static ParsedArticle Read(string head) =>
        PublicationDates.Settle(HtmlArticleReader.Read($"<html><head>{head}</head><body>{Body}</body></html>"), Today);

    private static string JsonLd(string datePublished) =>
        $$"""<script type="application/ld+json">{ "@type": "NewsArticle", "headline": "Pier closed", "datePublished": "{{datePublished}}" }</script>""";

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "before 1800")]
    [InlineData("9999-12-31T23:59:59Z", "in the future")]
    [InlineData("1970-01-01T00:00:00Z", "zero of Unix time")]
    [InlineData("not a date at all", "is not a date")]
    public void An_implausible_date_is_dropped_with_a_warning(string value, string reason)
    {
        var article = Read(JsonLd(value));
        Assert.Null(article.PublishedOn);
        Assert.Contains(article.Warnings, w => w.StartsWith("date dropped", StringComparison.Ordinal) && w.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_plausible_date_further_down_stands_in_for_a_placeholder()
    {
        var article = Read(JsonLd("0001-01-01T00:00:00Z") + """<meta property="article:published_time" content="2019-11-18T10:00:00Z">""");
        Assert.Equal(new DateOnly(2019, 11, 18), article.PublishedOn);
        Assert.Single(article.Warnings);
    }

    [Fact]
    public void Dates_that_disagree_keep_the_most_trusted_and_say_so()
    {
        var article = Read(JsonLd("2020-01-05T08:00:00Z") + """<meta property="article:published_time" content="2020-03-01">""");
        Assert.Equal(new DateOnly(2020, 1, 5), article.PublishedOn);
        Assert.Contains(article.Warnings, w => w.Contains("conflicting dates: kept 2020-01-05", StringComparison.Ordinal));
    }

    [Fact]
    public void Dates_a_day_apart_are_one_publication_seen_from_two_time_zones()
    {
        var article = Read(JsonLd("2020-01-05T23:30:00-05:00") + """<meta property="article:published_time" content="2020-01-06T04:30:00Z">""");
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void Malformed_json_ld_leaves_the_meta_tags_to_give_the_date()
    {
        var article = Read("""<script type="application/ld+json">{ "@type": "NewsArticle", "datePublished": </script><meta property="article:published_time" content="2021-06-02">""");
        Assert.Equal(new DateOnly(2021, 6, 2), article.PublishedOn);
        Assert.Equal("The harbour authority closed the northern pier on Monday after inspectors found cracks in three of its concrete pillars, officials said.", article.Paragraphs[0]);
    }

    [Theory]
    [InlineData("2019-11-19 02:24:00 UTC")]
    [InlineData("Tue Nov 19 2019 05:44:06 GMT+0000")]
    public void Dates_with_a_zone_in_words_are_read(string value)
    {
        var article = Read($"""<meta property="article:published_time" content="{value}">""");
        Assert.Equal(new DateOnly(2019, 11, 19), article.PublishedOn);
    }

    [Fact]
    public void A_sidecar_date_in_the_future_is_dropped_and_the_text_date_kept()
    {
        var text = "2020-04-02\n\nPier closed after cracks found\n\nThe harbour authority closed the northern pier on Monday after inspectors found cracks in three pillars.";
        var article = PublicationDates.Settle(PlainTextArticleReader.Read(text, new SidecarMetadata { Date = new DateOnly(2099, 1, 1) }), Today);
        Assert.Equal(new DateOnly(2020, 4, 2), article.PublishedOn);
        Assert.Contains(article.Warnings, w => w.Contains("2099-01-01 (sidecar metadata file) is in the future", StringComparison.Ordinal));
    }
}
