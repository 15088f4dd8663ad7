using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Search;

/// <summary>Search over a real SQLite FTS5 index: the seeds plus a few articles written to make ranking and filters testable.</summary>
public sealed class SearchTests : IClassFixture<SearchTests.Corpus>
{
    private readonly Corpus _corpus;
    private readonly HttpClient _client;

    public SearchTests(Corpus corpus)
    {
        _corpus = corpus;
        _client = corpus.Factory.CreateClient();
    }

    /// <summary>The seeds, plus three written articles with sidecars for outlet and date.</summary>
    public sealed class Corpus : IAsyncLifetime
    {
        public TestCorpusFactory Factory { get; } = new();

        public ArticleFiles Files { get; } = new();

        public async Task InitializeAsync()
        {
            Files.Write("extra/sources.json", """
                { "harbour.txt": { "outlet": "Harbour Gazette", "date": "2021-03-09" },
                  "body.txt": { "outlet": "Harbour Gazette", "date": "2021-04-01" },
                  "cafe.txt": { "outlet": "Café Times", "date": "2019-07-15" } }
                """);
            Files.Write("extra/harbour.txt", "Harbour dredging plan approved\n\nThe council approved the plan on Tuesday after a long debate about costs.\n\n\"It is a good day for the port,\" said Mayor Lindiwe Dube.\n");
            Files.Write("extra/body.txt", "Council meets on budget\n\nMembers discussed the harbour dredging at length, and the harbour master warned of delays.\n");
            Files.Write("extra/cafe.txt", "Café owners protest rent rises\n\nCafé owners in the old town marched against the rent rises on Monday, the third protest this year.\n");
            await using var scope = Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IngestionService>().IngestAsync([Path.Combine(Files.Folder, "extra")], "test");
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            Files.Dispose();
            return Task.CompletedTask;
        }
    }

    private async Task<JsonElement> SearchAsync(string q, string extra = "")
    {
        using var response = await _client.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}{extra}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static List<string> Titles(JsonElement results) => results.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();

    [Fact]
    public async Task A_title_match_ranks_above_a_body_match()
    {
        var results = await SearchAsync("harbour dredging");
        Assert.Equal(["Harbour dredging plan approved", "Council meets on budget"], Titles(results));
        var scores = results.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.True(scores[0] > scores[1]);
    }

    [Fact]
    public async Task Stemming_folds_plurals_and_diacritics_and_names_still_find_themselves()
    {
        Assert.Equal(5, (await SearchAsync("troops")).GetProperty("total").GetInt32());
        Assert.Equal((await SearchAsync("troops")).GetProperty("total").GetInt32(), (await SearchAsync("troop")).GetProperty("total").GetInt32());
        Assert.Equal(["Café owners protest rent rises"], Titles(await SearchAsync("cafe")));
        Assert.Equal(1, (await SearchAsync("Rohani")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_phrase_is_stricter_than_its_loose_words()
    {
        var loose = (await SearchAsync("harbour master")).GetProperty("total").GetInt32();
        var phrase = (await SearchAsync("\"harbour master\"")).GetProperty("total").GetInt32();
        Assert.Equal(1, phrase);
        Assert.True(loose >= phrase);
        Assert.Equal(0, (await SearchAsync("\"master harbour\"")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Exclusion_prefix_and_or_work()
    {
        Assert.Equal(["Harbour dredging plan approved"], Titles(await SearchAsync("harbour -budget")));
        Assert.Equal(2, (await SearchAsync("dredg*")).GetProperty("total").GetInt32());
        Assert.Equal(3, (await SearchAsync("dredging OR café")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Each_filter_narrows_the_search()
    {
        Assert.Equal(2, (await SearchAsync("outlet:\"Harbour Gazette\"")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await SearchAsync("Iran outlet:\"The Jerusalem Post\"")).GetProperty("total").GetInt32());
        Assert.Equal(3, (await SearchAsync("Iran outlet:unknown")).GetProperty("total").GetInt32());
        Assert.Equal(["Harbour dredging plan approved"], Titles(await SearchAsync("speaker:\"Lindiwe Dube\"")));
        Assert.Equal(["Harbour dredging plan approved"], Titles(await SearchAsync("council speaker:Dube")));
        Assert.Equal(4, (await SearchAsync("entity:Daesh")).GetProperty("total").GetInt32());
        Assert.Equal(["Council meets on budget"], Titles(await SearchAsync("harbour from:2021-04-01")));
        Assert.Equal(["Café owners protest rent rises"], Titles(await SearchAsync("to:2019-12-31")));
        var unknownEntity = await SearchAsync("entity:\"Nobody Atall\"");
        Assert.Equal(0, unknownEntity.GetProperty("total").GetInt32());
        Assert.NotEmpty(unknownEntity.GetProperty("notes").EnumerateArray());
    }

    [Fact]
    public async Task Facets_count_outlets_entities_and_months_of_all_matches()
    {
        var results = await SearchAsync("council OR Iran");
        var facets = results.GetProperty("facets");
        var outlets = facets.GetProperty("outlet").EnumerateArray().ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32());
        Assert.Equal(2, outlets["Harbour Gazette"]);
        Assert.Equal(3, outlets["unknown"]);
        Assert.Equal(results.GetProperty("total").GetInt32(), outlets.Values.Sum());
        var months = facets.GetProperty("month").EnumerateArray().ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32());
        Assert.Equal(2, months["2020-01"]);
        Assert.Equal(1, months["2021-03"]);
        var entities = facets.GetProperty("entity").EnumerateArray().ToList();
        Assert.True(entities.Count <= 10);
        Assert.Contains(entities, e => e.GetProperty("value").GetString() == "Iran");
    }

    [Fact]
    public async Task Date_sort_puts_the_newest_first_and_undated_last()
    {
        var titles = Titles(await SearchAsync("council OR Iran", "&sort=date&pageSize=100"));
        Assert.Equal("Council meets on budget", titles[0]);
        Assert.Equal("Harbour dredging plan approved", titles[1]);
        var dated = await SearchAsync("council OR Iran", "&sort=date&pageSize=100");
        var dates = dated.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("publishedOn").GetString()).ToList();
        var firstNull = dates.IndexOf(null);
        Assert.True(firstNull < 0 || dates.Skip(firstNull).All(d => d is null));
    }

    [Fact]
    public async Task Paging_keeps_the_total_and_returns_the_next_results()
    {
        var first = await SearchAsync("Iran", "&pageSize=2&page=1");
        var second = await SearchAsync("Iran", "&pageSize=2&page=2");
        Assert.Equal(first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
        Assert.Empty(Titles(first).Intersect(Titles(second)));
    }

    [Fact]
    public async Task Quote_search_returns_quotes_in_the_quotes_api_shape()
    {
        using var response = await _client.GetAsync("/api/search/quotes?q=retaliation");
        var results = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, results.GetProperty("total").GetInt32());
        var item = results.GetProperty("items")[0];
        Assert.Equal("Ali Khamenei", item.GetProperty("speaker").GetProperty("name").GetString());
        foreach (var name in new[] { "id", "text", "partial", "speakerDescription", "verb", "articleId", "outlet", "clusterId" })
        {
            Assert.True(item.TryGetProperty(name, out _), name);
        }

        using var bySpeaker = await _client.GetAsync("/api/search/quotes?q=speaker%3AZarif");
        Assert.Equal(3, JsonDocument.Parse(await bySpeaker.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32());
    }

    public static TheoryData<string> HostileQueries() =>
    [
        "\"", "\"\"", "\"unbalanced", "NEAR(", "NEAR(a b, 2)", "^", "^iran", ":", "*", "**", "AND AND", "OR", "OR OR iran", "NOT",
        "-", "--", "-iran", "(", ")", "()", "{title}: iran", "title:iran", "'; DROP TABLE Articles; --", "1=1 OR 'a'='a'",
        "iran\" OR \"1\"=\"1", "col:*", "from:", "to:2020-13-45", "outlet:", "speaker:\"", "entity:", "\\", "%", "_", "\u0000",
        "🙂 emoji", "ирак", "العراق", new string('x', 3000), string.Join(' ', Enumerable.Repeat("a OR", 600)), "<script>alert(1)</script>",
    ];

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Hostile_queries_answer_200_on_page_and_api(string q)
    {
        using var api = await _client.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        using var quotes = await _client.GetAsync($"/api/search/quotes?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, quotes.StatusCode);
        using var page = await _client.GetAsync($"/Search?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_script_in_the_query_comes_back_encoded()
    {
        var html = await _client.GetStringAsync("/Search?q=" + Uri.EscapeDataString("<script>alert('x')</script> troops"));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var document = await _client.GetPageAsync("/Search?q=" + Uri.EscapeDataString("<script>alert('x')</script> troops"));
        Assert.Equal("<script>alert('x')</script> troops", document.QuerySelector("#search-q")!.GetAttribute("value"));
        Assert.Empty(document.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Search_page_highlights_matches_and_facets_narrow_the_search()
    {
        var document = await _client.GetPageAsync("/Search?q=troops");
        Assert.Contains(document.QuerySelectorAll(".snippet mark"), m => m.TextContent.StartsWith("troop", StringComparison.OrdinalIgnoreCase));
        var facet = document.QuerySelectorAll(".facets a").First(a => a.TextContent == "The Jerusalem Post");
        var narrowed = await _client.GetPageAsync(facet.GetAttribute("href")!);
        Assert.Single(narrowed.QuerySelectorAll(".results > li"));
        Assert.Contains("outlet:", narrowed.QuerySelector("#search-q")!.GetAttribute("value"), StringComparison.Ordinal);

        var quotesTab = await _client.GetPageAsync("/Search?q=retaliation&tab=quotes");
        Assert.Equal(2, quotesTab.QuerySelectorAll(".quotes-results > li").Length);
        Assert.NotNull(quotesTab.QuerySelector("header form[role=search] label[for=header-q]"));
    }

    [Fact]
    public async Task The_index_follows_updates_and_deletions()
    {
        var path = _corpus.Files.Write("changing/note.txt", "Zebra crossing repainted\n\nWorkers repainted the zebra crossing outside the school on Friday morning.\n");
        await using (var scope = _corpus.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IngestionService>().IngestAsync([path], "test");
        }

        Assert.Equal(1, (await SearchAsync("zebra")).GetProperty("total").GetInt32());
        File.WriteAllText(path, "Pelican crossing installed\n\nWorkers installed a pelican crossing outside the school on Friday morning.\n");
        await using (var scope = _corpus.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IngestionService>().IngestAsync([path], "test");
        }

        Assert.Equal(0, (await SearchAsync("zebra")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await SearchAsync("pelican")).GetProperty("total").GetInt32());

        await using (var scope = _corpus.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
            await db.Articles.Where(a => a.SourcePath == path).ExecuteDeleteAsync();
        }

        Assert.Equal(0, (await SearchAsync("pelican")).GetProperty("total").GetInt32());
    }
}
