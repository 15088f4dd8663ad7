using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Analysis.Tests.Articles;

/// <summary>The five seed articles, read as a user would expect: story kept, chrome removed, metadata found.</summary>
public sealed class SeedArticleTests
{
    private static ParsedArticle Read(string prefix) => SeedFiles.Read(prefix);

    private static void AssertRemoved(ParsedArticle article, string text, string reason)
    {
        var block = Assert.Single(article.Removed, r => r.Text.StartsWith(text, StringComparison.Ordinal));
        Assert.Equal(reason, block.Reason);
        Assert.DoesNotContain(article.Paragraphs, p => p.StartsWith(text, StringComparison.Ordinal));
    }

    [Fact]
    public void Seed000_has_no_headline_so_the_title_is_derived_and_related_news_is_removed()
    {
        var article = Read("000");
        Assert.True(article.TitleDerived);
        Assert.StartsWith("Iraq’s parliament called yesterday", article.Title, StringComparison.Ordinal);
        Assert.Null(article.PublishedOn);
        Assert.Null(article.Outlet);
        Assert.Null(article.WireOrigin);
        Assert.StartsWith("Iraq’s parliament called yesterday for United States", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("US President Donald Trump abandoned it in 2018", article.Paragraphs[^1], StringComparison.Ordinal);
        Assert.Contains(article.Paragraphs, p => p.StartsWith("Prime Minister Adel Abdul Mahdihad earlier", StringComparison.Ordinal));
        AssertRemoved(article, "Related News", BoilerplateReasons.RelatedLink);
        Assert.Equal(11, article.Paragraphs.Count);
    }

    [Fact]
    public void Seed001_keeps_every_story_line_and_removes_links_related_headline_and_update_note()
    {
        var article = Read("001");
        Assert.True(article.TitleDerived);
        Assert.Null(article.Outlet);
        Assert.Null(article.WireOrigin); // "he told Reuters" is a source, not the copy's origin
        Assert.StartsWith("The Iraqi parliament called on the government on Sunday", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("The US strike on Soleimani’s convoy at Baghdad airport", article.Paragraphs[^1], StringComparison.Ordinal);
        AssertRemoved(article, "Iran Parliament Speaker: Soleimani’s killing", BoilerplateReasons.RelatedHeadline);
        AssertRemoved(article, "Read: Pope calls for dialogue", BoilerplateReasons.RelatedLink);
        AssertRemoved(article, "Opinion: Trump’s reckless gamble", BoilerplateReasons.RelatedLink);
        AssertRemoved(article, "Note: This page was updated", BoilerplateReasons.PageUpdate);
        Assert.Equal(19, article.Paragraphs.Count);
    }

    [Fact]
    public void Seed002_finds_headline_date_byline_reuters_origin_and_the_jerusalem_post_masthead()
    {
        var article = Read("002");
        Assert.False(article.TitleDerived);
        Assert.Equal("Iraq calls for foreign forces to leave after US killing of Iran commander", article.Title);
        Assert.Equal(new DateOnly(2020, 1, 5), article.PublishedOn);
        Assert.Equal(new TimeOnly(18, 29), article.PublishedTime);
        Assert.Equal("REUTERS", article.Byline);
        Assert.Equal("Reuters", article.WireOrigin);
        Assert.Equal("The Jerusalem Post", article.Outlet);
        Assert.StartsWith("masthead", article.OutletEvidence, StringComparison.Ordinal);

        Assert.StartsWith("Iraq's parliament called on Sunday for US and other foreign military forces", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("\"Considering the recent threats (by America)", article.Paragraphs[^1], StringComparison.Ordinal);
        Assert.Contains("'TERRORIST IN A SUIT'", article.Paragraphs);
        Assert.Contains("IRANIAN TARGETS", article.Paragraphs);

        AssertRemoved(article, "Israel Elections Gaza News BDS", BoilerplateReasons.Navigation);
        AssertRemoved(article, "(photo credit: REUTERS/KHALID AL MOUSILY)", BoilerplateReasons.Caption);
        AssertRemoved(article, "Tags Iraq United States ISIS", BoilerplateReasons.Tags);
        AssertRemoved(article, "By subscribing I accept the terms of use", BoilerplateReasons.Newsletter);
        AssertRemoved(article, "Hot Opinion", BoilerplateReasons.ListHeading);
        AssertRemoved(article, "Most Read", BoilerplateReasons.ListHeading);
        AssertRemoved(article, "1 Iran publicly hangs man", BoilerplateReasons.ListHeading);
        AssertRemoved(article, "Copyright © 2020 Jpost Inc.", BoilerplateReasons.Footer);
        AssertRemoved(article, "We use both first party and third party cookies", BoilerplateReasons.Footer);
        Assert.Equal(2, article.Removed.Count(r => r.Text.StartsWith("Iraqi Prime Minister Adel Abdul Mahdi speaks during", StringComparison.Ordinal)));
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("Subscribe", StringComparison.Ordinal) || p.Contains("Himalayan Salt Lamps", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed003_finds_headline_rferl_origin_and_outlet_from_the_sites_own_promo_line()
    {
        var article = Read("003");
        Assert.False(article.TitleDerived);
        Assert.Equal("Iraqi parliament passes resolution to kick foreign troops out of country after Soleimani death air strike", article.Title);
        Assert.Equal("Radio Free Europe/Radio Liberty", article.WireOrigin);
        Assert.Equal("Al-Masdar News", article.Outlet);
        Assert.StartsWith("Iraq’s parliament has passed a resolution calling for foreign troops", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("Washington has blamed Iran for orchestrating attacks", article.Paragraphs[^1], StringComparison.Ordinal);
        AssertRemoved(article, "Join our brand new verified AMN Telegram channel", BoilerplateReasons.ChannelPromotion);
        AssertRemoved(article, "U.S. Army Soldiers from 1st Brigade", BoilerplateReasons.Caption);
        AssertRemoved(article, "This article was originally", BoilerplateReasons.Republication);
        Assert.Equal(3, article.Removed.Count);
    }

    [Fact]
    public void Seed004_takes_the_date_line_and_removes_only_the_repeated_pull_quote()
    {
        var article = Read("004");
        Assert.True(article.TitleDerived);
        Assert.Equal(new DateOnly(2020, 1, 5), article.PublishedOn);
        Assert.StartsWith("Iraqi lawmakers on Sunday voted in support", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("The latest escalation was triggered", article.Paragraphs[^1], StringComparison.Ordinal);
        Assert.Contains(article.Paragraphs, p => p.StartsWith("“By killing Soleimani, without a thought", StringComparison.Ordinal));
        var removed = Assert.Single(article.Removed);
        Assert.Equal(BoilerplateReasons.RepeatedText, removed.Reason);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("date 2020", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SeedFiles.All), MemberType = typeof(SeedFiles))]
    public void Every_line_of_a_seed_is_either_kept_or_removed_with_a_reason(string prefix)
    {
        var text = File.ReadAllText(SeedFiles.PathOf(prefix));
        var article = PlainTextArticleReader.Read(text);
        var accounted = string.Join('\n', article.Paragraphs.Concat(article.Removed.Select(r => r.Text)).Append(article.Title));
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("date ", StringComparison.Ordinal)))
        {
            Assert.Contains(line, accounted, StringComparison.Ordinal);
        }

        Assert.All(article.Removed, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
    }
}
