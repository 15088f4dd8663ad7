using System.Net;
using System.Text.Json;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Compare;

/// <summary>Stories grouped on ingest, syndication figures, and the story pages and API.</summary>
public sealed class StoriesTests(StoryCorpus corpus) : IClassFixture<StoryCorpus>
{
    private static readonly string[] s_seeds = ["000", "001", "002", "003", "004"];
    private static readonly string[] s_otherEvents = ["flood-coastal", "chile-election", "chip-earnings", "football-transfer", "nuclear-talks"];

    private int StoryOf(string prefix)
    {
        var id = corpus.ArticleId(prefix);
        return corpus.Query(db => db.Articles.Single(a => a.Id == id).StoryId) ?? throw new InvalidOperationException($"{prefix} has no story");
    }

    [Fact]
    public void The_five_seeds_form_one_story_and_other_events_land_in_their_own()
    {
        var seedStories = s_seeds.Select(StoryOf).Distinct().ToList();
        Assert.Single(seedStories);

        Assert.Equal(StoryOf("flood-coastal"), StoryOf("flood-iberia"));
        var others = s_otherEvents.Select(StoryOf).ToList();
        Assert.Equal(5, others.Distinct().Count());
        Assert.DoesNotContain(seedStories[0], others);
    }

    [Fact]
    public async Task Stories_api_lists_newest_first_with_article_ids()
    {
        using var response = await corpus.Client.GetAsync("/api/stories?pageSize=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(6, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("Flash floods kill dozens in eastern Spain as months of rain fall in hours", items[0].GetProperty("title").GetString());
        var seedStory = items.Single(i => i.GetProperty("id").GetInt32() == StoryOf("000"));
        Assert.Equal(s_seeds.Select(corpus.ArticleId).Order(), seedStory.GetProperty("articleIds").EnumerateArray().Select(e => e.GetInt32()).Order());
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("title").GetString())));
    }

    [Fact]
    public async Task Story_page_shows_articles_by_outlet_a_timeline_and_a_compare_link()
    {
        var page = await corpus.Client.GetPageAsync($"/Stories/{StoryOf("000")}");

        Assert.Equal(5, page.QuerySelectorAll(".story-articles input[type=checkbox][name=articles]").Length);
        Assert.Contains(page.QuerySelectorAll(".compare-picker h3"), h => h.TextContent == "The Jerusalem Post");
        Assert.NotEmpty(page.QuerySelectorAll(".timeline li"));
        var compareAll = page.QuerySelectorAll("a.button").Single(a => a.TextContent.Contains("Compare all", StringComparison.Ordinal));
        Assert.StartsWith("/Compare?articles=", compareAll.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(5, compareAll.GetAttribute("href")!.Split('=')[1].Split(',').Length);
    }

    [Fact]
    public async Task Stories_page_lists_each_story_with_counts()
    {
        var page = await corpus.Client.GetPageAsync("/Stories");
        var rows = page.QuerySelectorAll("table.stories tbody tr");
        Assert.Equal(6, rows.Length);
        var seedRow = rows.Single(r => r.QuerySelector("a")!.GetAttribute("href") == $"/Stories/{StoryOf("000")}");
        Assert.Equal("5", seedRow.QuerySelector("td[data-label=Articles]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Two_copies_of_one_wire_story_show_their_shared_sentences_on_the_article_page()
    {
        var reuters = corpus.ArticleId("000");
        var jpost = corpus.ArticleId("002");
        var page = await corpus.Client.GetPageAsync($"/Articles/{reuters}");

        var line = page.QuerySelectorAll(".overlaps li").First(li => li.QuerySelector("a")!.GetAttribute("href") == $"/Articles/{jpost}");
        var percent = int.Parse(System.Text.RegularExpressions.Regex.Match(line.TextContent, @"Shares (\d+)%").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(percent, 40, 100);
        Assert.NotNull(page.QuerySelector($".coverage a[href='/Stories/{StoryOf("000")}']"));
        Assert.StartsWith($"/Compare?articles={reuters},{jpost}", page.QuerySelector(".coverage a[href^='/Compare']")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_story_is_a_friendly_404_and_a_problem_in_the_api()
    {
        await corpus.Client.GetPageAsync("/Stories/999999", HttpStatusCode.NotFound);
        using var response = await corpus.Client.GetAsync("/api/stories/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_home_page_leads_to_the_latest_stories_covered_by_several_articles()
    {
        var page = await corpus.Client.GetPageAsync("/");
        var links = page.QuerySelectorAll(".latest-stories a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal([$"/Stories/{StoryOf("flood-coastal")}", $"/Stories/{StoryOf("000")}"], links);
    }
}
