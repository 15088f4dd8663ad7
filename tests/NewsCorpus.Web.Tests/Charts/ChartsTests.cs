using System.Net;
using System.Text.Json;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Charts;

/// <summary>The data behind the charts, and the tables that carry the same data on the pages.</summary>
public sealed class ChartsTests(TestCorpusFactory factory) : IClassFixture<TestCorpusFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task The_timeline_of_a_search_adds_up_to_its_month_facet()
    {
        var timeline = await JsonAsync("/api/timeline?q=parliament&interval=month");
        var search = await JsonAsync("/api/search?q=parliament");
        var byMonth = timeline.GetProperty("items").EnumerateArray()
            .GroupBy(i => i.GetProperty("date").GetString()![..7]).ToDictionary(g => g.Key, g => g.Sum(i => i.GetProperty("count").GetInt32()));
        var facet = search.GetProperty("facets").GetProperty("month").EnumerateArray()
            .ToDictionary(m => m.GetProperty("value").GetString()!, m => m.GetProperty("count").GetInt32());
        Assert.Equal(facet.OrderBy(f => f.Key), byMonth.OrderBy(f => f.Key));
        Assert.Equal(search.GetProperty("total").GetInt32(), byMonth.Values.Sum() + timeline.GetProperty("undated").GetInt32());
    }

    [Fact]
    public async Task The_whole_corpus_timeline_counts_every_dated_article_by_outlet()
    {
        var timeline = await JsonAsync("/api/timeline?interval=week");
        Assert.Equal("week", timeline.GetProperty("interval").GetString());
        var items = timeline.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Sum(i => i.GetProperty("count").GetInt32()) + timeline.GetProperty("undated").GetInt32());
        Assert.All(items, i => Assert.Equal(DayOfWeek.Monday, DateOnly.Parse(i.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek));
    }

    [Fact]
    public async Task An_unknown_interval_is_a_problem()
    {
        using var response = await _client.GetAsync("/api/timeline?interval=fortnight");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Top_speakers_are_counted_and_can_be_narrowed_to_an_outlet()
    {
        var all = await JsonAsync("/api/speakers/top");
        var first = all.GetProperty("items")[0];
        Assert.False(string.IsNullOrEmpty(first.GetProperty("name").GetString()));
        Assert.True(first.GetProperty("quotes").GetInt32() > 1);
        var counts = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("quotes").GetInt32()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);

        var outlet = all.GetProperty("byOutlet")[0].GetProperty("outlet").GetString()!;
        var one = await JsonAsync($"/api/speakers/top?outlet={Uri.EscapeDataString(outlet)}");
        Assert.True(one.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("quotes").GetInt32()) <= counts.Sum());
    }

    [Theory]
    [InlineData("/", "timeline")]
    [InlineData("/Search?q=parliament", "timeline")]
    [InlineData("/Quotes", "bars")]
    [InlineData("/Quotes", "heatmap")]
    public async Task Each_chart_has_its_data_as_a_table_for_readers_without_scripts(string url, string kind)
    {
        var page = await _client.GetPageAsync(url);
        var figure = page.QuerySelector($"figure.chart[data-chart={kind}]");
        Assert.NotNull(figure);
        Assert.NotEmpty(figure!.QuerySelectorAll("details table tbody tr"));
        Assert.Equal("true", figure.QuerySelector(".chart-canvas")!.GetAttribute("aria-hidden"));
        Assert.NotNull(page.QuerySelector("script[src*='echarts']"));
    }

    [Fact]
    public async Task The_entity_page_draws_what_it_appears_with_from_its_table()
    {
        var search = await JsonAsync("/api/entities?q=Soleimani&type=person");
        var id = search.GetProperty("items")[0].GetProperty("id").GetInt32();
        var page = await _client.GetPageAsync($"/Entities/{id}");
        var figure = page.QuerySelector("figure.chart[data-chart=network]")!;
        Assert.Equal(search.GetProperty("items")[0].GetProperty("name").GetString(), figure.GetAttribute("data-centre"));
        Assert.NotEmpty(figure.QuerySelectorAll("details table tbody tr"));
    }

    [Fact]
    public async Task The_home_page_shows_who_runs_whose_copy()
    {
        using var session = new CorpusSession();
        const string wire = "The harbour authority closed the northern pier on Monday after inspectors found cracks in three of its concrete pillars. "
            + "Repairs are expected to take at least six weeks and will cost the city several million dollars, officials said. "
            + "Ferries will dock at the southern pier until the work is finished, the authority said in a statement.";
        session.Files.Write("copy/sources.json", """{ "ledger.txt": { "outlet": "The Daily Ledger", "date": "2024-03-04" }, "gazette.txt": { "outlet": "Harbour Gazette", "date": "2024-03-04" } }""");
        session.Files.Write("copy/ledger.txt", $"Pier closed after cracks found\n\n{wire}\n\nThe Ledger asked the mayor for comment on the closure.\n");
        session.Files.Write("copy/gazette.txt", $"Northern pier shut for repairs\n\n{wire}\n\nLocal fishermen said the closure would cost them a season.\n");
        await session.IngestAsync(Path.Combine(session.Files.Folder, "copy"));

        using var client = session.Factory.CreateClient();
        var page = await client.GetPageAsync("/");
        var table = page.QuerySelector("#copy-heading")!.ParentElement!.QuerySelector("table")!;
        Assert.Equal(["The Daily Ledger", "Harbour Gazette"], table.QuerySelectorAll("thead th").Skip(1).Select(th => th.TextContent).OrderDescending());
        Assert.Contains(table.QuerySelectorAll("tbody td"), td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 3);
    }
}
