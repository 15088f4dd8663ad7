using System.Net;
using System.Text.Json;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Compare;

/// <summary>The compare view and API over the seed story.</summary>
public sealed class CompareTests(StoryCorpus corpus) : IClassFixture<StoryCorpus>
{
    private string Ids(params string[] prefixes) => string.Join(",", prefixes.Select(corpus.ArticleId));

    private async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> GetJsonAsync(string url)
    {
        using var response = await corpus.Client.GetAsync(url);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Compare_page_aligns_two_wire_copies_and_marks_the_edit()
    {
        var page = await corpus.Client.GetPageAsync($"/Compare?articles={Ids("000", "002")}&show=all");

        var headers = page.QuerySelectorAll("table.alignment thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(3, headers.Count);
        Assert.Contains(headers, h => h.StartsWith("The Jerusalem Post", StringComparison.Ordinal));
        var rows = page.QuerySelectorAll("table.alignment tbody tr");
        Assert.Contains(rows, r => r.ClassName == "row-identical");
        var edited = rows.Where(r => r.ClassName == "row-edited").ToList();
        Assert.Contains(edited, r => r.QuerySelectorAll("mark.changed").Any(m => m.TextContent == "assailed each other with")
            && r.QuerySelectorAll("mark.changed").Any(m => m.TextContent == "traded"));
        Assert.Contains(rows, r => r.ClassName == "row-unique");

        // Headlines side by side, each with its shared / own summary.
        var cards = page.QuerySelectorAll(".compare-card");
        Assert.Equal(2, cards.Length);
        Assert.Contains(cards, c => c.QuerySelector("h3")!.TextContent == "Iraq calls for foreign forces to leave after US killing of Iran commander");
        Assert.All(cards, c => Assert.Matches(@"\d+ shared with all", c.QuerySelector(".badge.all")!.TextContent));
    }

    [Fact]
    public async Task Compare_page_grids_link_each_count_to_its_passage()
    {
        var page = await corpus.Client.GetPageAsync($"/Compare?articles={Ids("000", "001", "002", "003", "004")}&show=all");

        var grids = page.QuerySelectorAll("table.compare-grid");
        Assert.True(grids.Length >= 3);
        var speakers = page.QuerySelector("#quoted table.compare-grid")!;
        Assert.Contains(speakers.QuerySelectorAll("tbody th"), th => th.TextContent.Contains("Donald Trump", StringComparison.Ordinal));
        var entities = page.QuerySelector("#entities table.compare-grid")!;
        Assert.Contains(entities.QuerySelectorAll("tbody tr.only-some th"), th => th.TextContent.Contains("not in all", StringComparison.Ordinal));

        // Every count that links points at a sentence on this page.
        var links = page.QuerySelectorAll("table.compare-grid a[href^='#']").Select(a => a.GetAttribute("href")![1..]).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, id => Assert.NotNull(page.GetElementById(id)));

        // The same statement across outlets, shown once with its variants.
        var cluster = page.QuerySelectorAll(".quote-clusters > li").First(li => li.TextContent.Contains("52 Iranian sites", StringComparison.Ordinal));
        Assert.True(cluster.QuerySelectorAll("ul li").Length >= 2);

        // Figures and framing.
        var numbers = page.QuerySelector("#numbers table")!;
        var troops = numbers.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim().StartsWith("troop", StringComparison.Ordinal));
        Assert.Contains(troops.QuerySelectorAll("a"), a => a.TextContent == "5,000 US troops");
        Assert.Contains(page.QuerySelectorAll("#framing th[scope=row]"), th => th.TextContent == "killing");
        Assert.Contains(page.QuerySelectorAll("#framing th[scope=row]"), th => th.TextContent == "said");
        Assert.All(page.QuerySelectorAll("#framing a[href^='#']"), a => Assert.NotNull(page.GetElementById(a.GetAttribute("href")![1..])));
    }

    [Fact]
    public async Task Compare_api_returns_alignment_and_grids()
    {
        var (status, body, _) = await GetJsonAsync($"/api/compare?articles={Ids("000", "002", "004")}");
        Assert.Equal(HttpStatusCode.OK, status);

        Assert.Equal(3, body.GetProperty("articles").GetArrayLength());
        var rows = body.GetProperty("alignment").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        string[] matches = ["identical", "edited", "reworded", "unique"];
        Assert.All(rows, r =>
        {
            Assert.Contains(r.GetProperty("match").GetString(), matches);
            Assert.Equal(3, r.GetProperty("sentences").GetArrayLength());
        });
        Assert.All(rows.Where(r => r.GetProperty("match").GetString() == "unique"),
            r => Assert.Equal(1, r.GetProperty("sentences").EnumerateArray().Count(s => s.ValueKind == JsonValueKind.String)));
        foreach (var grid in new[] { "speakers", "entities" })
        {
            Assert.All(body.GetProperty(grid).EnumerateArray(), row =>
            {
                Assert.False(string.IsNullOrEmpty(row.GetProperty("name").GetString()));
                Assert.Equal(3, row.GetProperty("counts").GetArrayLength());
            });
        }

        Assert.Contains(body.GetProperty("numbers").EnumerateArray(), n => n.GetProperty("unit").GetString() == "troop");
    }

    public static TheoryData<string, HttpStatusCode, string> BadRequests() => new()
    {
        { "", HttpStatusCode.BadRequest, "Pick 2 to 6 articles" },
        { "articles=1", HttpStatusCode.BadRequest, "Only one article" },
        { "articles=1,1", HttpStatusCode.BadRequest, "listed twice" },
        { "articles=abc,2", HttpStatusCode.BadRequest, "is not an article id" },
        { "articles=-1,2", HttpStatusCode.BadRequest, "is not an article id" },
        { "articles=1,99999999999", HttpStatusCode.BadRequest, "is not an article id" },
        { "articles=" + string.Join(",", Enumerable.Range(1, 50)), HttpStatusCode.BadRequest, "at most 6" },
        { "articles=" + new string('9', 5000), HttpStatusCode.BadRequest, "too long" },
        { "articles=1,999999", HttpStatusCode.NotFound, "no article 999999" },
        { "articles=%3Cscript%3E,2", HttpStatusCode.BadRequest, "is not an article id" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_requests_get_a_clear_message_never_a_500(string query, HttpStatusCode expected, string message)
    {
        var (status, body, mediaType) = await GetJsonAsync("/api/compare?" + query);
        Assert.Equal(expected, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains(message, body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var page = await corpus.Client.GetPageAsync("/Compare?" + query, expected);
        var alert = page.QuerySelector("[role=alert]")!;
        Assert.Contains(message, alert.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Repeated_article_parameters_from_the_story_form_work_like_a_list()
    {
        var (status, body, _) = await GetJsonAsync($"/api/compare?articles={corpus.ArticleId("000")}&articles={corpus.ArticleId("001")}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public async Task Rows_can_be_narrowed_to_differences_or_each_outlets_own_and_passage_links_still_resolve()
    {
        var ids = Ids("000", "002");
        var all = (await corpus.Client.GetPageAsync($"/Compare?articles={ids}&show=all")).QuerySelectorAll("table.alignment tbody tr").Length;

        var changed = await corpus.Client.GetPageAsync($"/Compare?articles={ids}&show=changed");
        var changedRows = changed.QuerySelectorAll("table.alignment tbody tr");
        Assert.InRange(changedRows.Length, 1, all - 1);
        Assert.DoesNotContain(changedRows, r => r.ClassName == "row-identical");
        Assert.Equal("page", changed.QuerySelectorAll(".tabs a").Single(a => a.TextContent.StartsWith("Differences only", StringComparison.Ordinal)).GetAttribute("aria-current"));
        Assert.All(changed.QuerySelectorAll("table.compare-grid a[href*='#']"), a => Assert.StartsWith($"/Compare?articles={ids}&show=all#a", a.GetAttribute("href"), StringComparison.Ordinal));

        var own = await corpus.Client.GetPageAsync($"/Compare?articles={ids}&show=own");
        Assert.All(own.QuerySelectorAll("table.alignment tbody tr"), r => Assert.Equal("row-unique", r.ClassName));

        var unknown = await corpus.Client.GetPageAsync($"/Compare?articles={ids}&show=%3Cb%3E");
        var opening = await corpus.Client.GetPageAsync($"/Compare?articles={ids}");
        Assert.Equal(opening.QuerySelectorAll("table.alignment tbody tr").Length, unknown.QuerySelectorAll("table.alignment tbody tr").Length);
    }

    [Fact]
    public async Task A_long_comparison_opens_on_its_differences_and_columns_are_headed_by_outlet_and_headline()
    {
        var ids = Ids("000", "002");
        var all = (await corpus.Client.GetPageAsync($"/Compare?articles={ids}&show=all")).QuerySelectorAll("table.alignment tbody tr").Length;
        var opening = await corpus.Client.GetPageAsync($"/Compare?articles={ids}");
        var expected = all > NewsCorpus.Web.Pages.Compare.IndexModel.LongComparison ? "Differences only" : "All rows";
        Assert.StartsWith(expected, opening.QuerySelector(".tabs a[aria-current=page]")!.TextContent, StringComparison.Ordinal);

        var headers = opening.QuerySelectorAll("table.alignment thead th").Skip(1).ToList();
        Assert.Equal(2, headers.Count);
        Assert.All(headers, h => Assert.False(string.IsNullOrWhiteSpace(h.QuerySelector(".column-headline")?.TextContent)));
        Assert.DoesNotContain(headers, h => h.TextContent.StartsWith("Article ", StringComparison.Ordinal));
    }
}
