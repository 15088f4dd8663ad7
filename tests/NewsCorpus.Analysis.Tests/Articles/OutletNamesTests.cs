using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Analysis.Tests.Articles;

/// <summary>The names one outlet goes by, and the names that must not merge two outlets.</summary>
public sealed class OutletNamesTests
{
    [Theory]
    [InlineData("The Jerusalem Post", "jerusalem post")]
    [InlineData("@politifact", "PolitiFact")]
    [InlineData("www.theguardian.com", "The Guardian")]
    [InlineData("BBC News", "bbc.co.uk")]
    public void Variants_agree(string a, string b) => Assert.True(OutletNames.Agree(a, b));

    [Theory]
    [InlineData("Los Angeles Times", "latimes.com")]
    [InlineData("The Jerusalem Post", "JPost.com")]
    [InlineData("The Wall Street Journal", "WSJ")]
    public void Abbreviations_agree(string a, string b) => Assert.True(OutletNames.Agree(a, b));

    [Theory]
    [InlineData("Connecticut Post", "Associated Press")]
    [InlineData("MSN", "cnn.com")]
    [InlineData("The Sun", "Sunday Times")]
    public void Different_outlets_do_not(string a, string b) => Assert.False(OutletNames.Agree(a, b));

    [Fact]
    public void A_page_gives_its_site_name_title_suffix_domain_and_handle()
    {
        var names = OutletNames.FromPage("The Jerusalem Post", null, "Iraq calls for calm after strikes | JPost.com", "https://www.jpost.com/middle-east/iraq-123", "@jpost");
        Assert.Equal(["The Jerusalem Post", "jpost.com"], names);
    }

    [Fact]
    public void A_syndicated_page_does_not_name_the_wire_or_the_original_site_as_itself()
    {
        var names = OutletNames.FromPage("SFGate", "Associated Press", "Storm hits coast - Politics", "https://apnews.com/article/abc", null);
        Assert.Equal(["SFGate"], names);
    }

    [Fact]
    public void Shared_hosts_name_no_outlet() => Assert.Null(OutletNames.Domain("https://someone.medium.com/a-post"));
}
