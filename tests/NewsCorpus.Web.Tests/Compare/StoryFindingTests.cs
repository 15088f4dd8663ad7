using System.Text.Json;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Compare;

/// <summary>Finding the stories worth comparing: filters, sorting, and the outlets that did not cover a story.</summary>
public sealed class StoryFindingTests(StoryCorpus corpus) : IClassFixture<StoryCorpus>
{
    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.stories tbody td[data-label=Story]").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task Stories_covered_by_fewer_outlets_or_one_article_can_be_hidden()
    {
        var all = Titles(await corpus.Client.GetPageAsync("/Stories"));
        var several = Titles(await corpus.Client.GetPageAsync("/Stories?minOutlets=2"));
        var noSingles = Titles(await corpus.Client.GetPageAsync("/Stories?hideSingle=true"));
        Assert.Contains(several, t => t.StartsWith("Flash floods", StringComparison.Ordinal));
        Assert.DoesNotContain(several, t => t.StartsWith("Leftist Boric", StringComparison.Ordinal));
        Assert.True(several.Count < all.Count);
        Assert.DoesNotContain(noSingles, t => t.StartsWith("Leftist Boric", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stories_sort_by_articles_and_narrow_by_date_and_by_a_person_in_them()
    {
        var byArticles = await corpus.Client.GetPageAsync("/Stories?sort=articles");
        var counts = byArticles.QuerySelectorAll("td[data-label=Articles]").Select(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts.OrderDescending(), counts);

        var in2021 = Titles(await corpus.Client.GetPageAsync("/Stories?from=2021-12-01&to=2021-12-31"));
        Assert.Equal(["Leftist Boric wins Chile's presidential runoff in landslide"], in2021);

        var withBoric = Titles(await corpus.Client.GetPageAsync("/Stories?entity=Gabriel%20Boric"));
        Assert.Equal(["Leftist Boric wins Chile's presidential runoff in landslide"], withBoric);
    }

    [Fact]
    public async Task Each_story_says_which_of_the_corpus_outlets_did_not_cover_it()
    {
        var page = await corpus.Client.GetPageAsync("/Stories?from=2021-12-01&to=2021-12-31");
        var notCovered = page.QuerySelector("td[data-label='Not covered by']")!.TextContent;
        Assert.Contains("Coastal Herald", notCovered, StringComparison.Ordinal);
        Assert.DoesNotContain("Andes Tribune", notCovered, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(await corpus.Client.GetStringAsync("/api/stories?minOutlets=2"));
        Assert.All(json.RootElement.GetProperty("items").EnumerateArray(), s => Assert.True(s.GetProperty("outletCount").GetInt32() >= 2));
        Assert.All(json.RootElement.GetProperty("items").EnumerateArray(), s => Assert.Equal(JsonValueKind.Array, s.GetProperty("notCoveredBy").ValueKind));
    }
}
