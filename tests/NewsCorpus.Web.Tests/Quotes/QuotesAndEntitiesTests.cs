using System.Net;
using System.Text.Json;
using NewsCorpus.Web.Cli;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Quotes;

/// <summary>Quotes by speaker and resolved entities over the seeded corpus, through the API and the pages.</summary>
public sealed class QuotesAndEntitiesTests(TestCorpusFactory factory) : IClassFixture<TestCorpusFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<int> EntityIdAsync(string name)
    {
        var page = await GetJsonAsync($"/api/entities?q={Uri.EscapeDataString(name)}");
        return page.GetProperty("items").EnumerateArray().First(i => i.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();
    }

    [Theory]
    [InlineData("/api/entities?q=%25")]
    [InlineData("/api/entities?q=_")]
    [InlineData("/api/quotes?q=%25")]
    [InlineData("/api/quotes?speaker=%25")]
    public async Task Wildcard_characters_typed_by_a_user_are_taken_literally(string url)
    {
        // "%" and "_" are LIKE wildcards: typed into a name or quote filter they must not match everything.
        Assert.Equal(0, (await GetJsonAsync(url)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Name_and_quote_filters_ignore_case()
    {
        Assert.Equal(3, (await GetJsonAsync("/api/quotes?speaker=ABDUL%20MAHDI")).GetProperty("total").GetInt32());
        Assert.True((await GetJsonAsync("/api/entities?q=abdul%20MAHDI")).GetProperty("total").GetInt32() >= 1);
        Assert.True((await GetJsonAsync("/api/quotes?q=DESPITE")).GetProperty("total").GetInt32() >= 2);
    }

    [Fact]
    public async Task Every_speakers_total_is_the_number_of_their_quotes_listed()
    {
        // Totals for a speaker come from the counts stored at resolution, the items from the quotes themselves.
        var speakers = (await GetJsonAsync("/api/quotes?pageSize=100")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("speaker").ValueKind == JsonValueKind.Object)
            .Select(i => i.GetProperty("speaker").GetProperty("name").GetString()!).Distinct().ToList();
        Assert.True(speakers.Count >= 3, $"the seeds quote several named people, found {speakers.Count}");
        foreach (var speaker in speakers)
        {
            var page = await GetJsonAsync($"/api/quotes?speaker={Uri.EscapeDataString(speaker)}&pageSize=100");
            var items = page.GetProperty("items").GetArrayLength();
            Assert.True(items > 0, speaker);
            Assert.Equal(items, page.GetProperty("total").GetInt32());
        }
    }

    [Theory]
    [InlineData("Adel Abdul Mahdi")]
    [InlineData("Adil Abdul-Mahdi")]
    [InlineData("Abdul Mahdi")]
    [InlineData("abdul-mahdi")]
    [InlineData("Mr Abdul Mahdi")]
    [InlineData("Prime Minister Adel Abdul Mahdi")]
    public async Task Any_alias_finds_all_of_a_speakers_quotes(string alias)
    {
        var page = await GetJsonAsync($"/api/quotes?speaker={Uri.EscapeDataString(alias)}");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            Assert.Equal("Adel Abdul Mahdi", item.GetProperty("speaker").GetProperty("name").GetString());
            foreach (var name in new[] { "id", "text", "partial", "speakerDescription", "verb", "articleId", "outlet", "clusterId" })
            {
                Assert.True(item.TryGetProperty(name, out _), $"missing {name}");
            }
        }
    }

    [Fact]
    public async Task Quotes_filter_by_words_and_outlet_and_keep_unnamed_speakers()
    {
        var severe = await GetJsonAsync("/api/quotes?q=severe%20retaliation");
        Assert.Equal(2, severe.GetProperty("total").GetInt32());
        Assert.All(severe.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("partial").GetBoolean()));

        var jpost = await GetJsonAsync("/api/quotes?outlet=The%20Jerusalem%20Post&pageSize=100");
        Assert.All(jpost.GetProperty("items").EnumerateArray(), i => Assert.Equal("The Jerusalem Post", i.GetProperty("outlet").GetString()));

        var official = await GetJsonAsync("/api/quotes?speaker=state%20department%20official");
        var item = Assert.Single(official.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("speaker").ValueKind);
        Assert.Equal("a senior state department official", item.GetProperty("speakerDescription").GetString());
    }

    [Fact]
    public async Task The_same_statement_in_several_outlets_is_one_cluster()
    {
        var page = await GetJsonAsync("/api/quotes?q=Iraqi%20government%20must%20work");
        var clusters = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("clusterId").GetInt32()).Distinct().ToList();
        Assert.Single(clusters);
        Assert.True(page.GetProperty("total").GetInt32() >= 2);
    }

    [Fact]
    public async Task Entities_resolve_aliases_across_the_corpus()
    {
        var isis = await GetJsonAsync("/api/entities?q=Daesh");
        var item = Assert.Single(isis.GetProperty("items").EnumerateArray());
        Assert.Equal("Islamic State", item.GetProperty("name").GetString());
        Assert.Equal("Organization", item.GetProperty("type").GetString());
        var aliases = item.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("ISIS", aliases);
        Assert.Contains("Daesh", aliases);

        var soleimani = await GetJsonAsync($"/api/entities/{await EntityIdAsync("Qassem Soleimani")}");
        var names = soleimani.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("Qasem Soleimani", names);
        Assert.Contains("Soleimani", names);
        Assert.Equal(5, soleimani.GetProperty("articleCount").GetInt32());

        var people = await GetJsonAsync("/api/entities?type=person&pageSize=100");
        Assert.All(people.GetProperty("items").EnumerateArray(), p => Assert.Equal("Person", p.GetProperty("type").GetString()));
        var iran = await GetJsonAsync($"/api/entities/{await EntityIdAsync("Iran")}");
        Assert.Contains(iran.GetProperty("adjectives").EnumerateArray(), a => a.GetProperty("word").GetString() == "Iranian" && a.GetProperty("count").GetInt32() > 5);

        var us = await GetJsonAsync("/api/entities?q=U.S.");
        Assert.Contains(us.GetProperty("items").EnumerateArray(), e => e.GetProperty("name").GetString() == "United States");
    }

    [Theory]
    [InlineData("/api/entities/999999", HttpStatusCode.NotFound)]
    [InlineData("/api/entities?type=planet", HttpStatusCode.BadRequest)]
    [InlineData("/api/quotes?pageSize=0", HttpStatusCode.BadRequest)]
    public async Task Bad_requests_get_problem_json(string url, HttpStatusCode status)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Quotes_page_groups_statements_and_links_the_speaker()
    {
        var document = await _client.GetPageAsync("/Quotes?speaker=Mr+Abdul+Mahdi");
        var statements = document.QuerySelectorAll(".statement");
        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.Equal("Adel Abdul Mahdi", s.QuerySelector(".speaker a")!.TextContent));
        Assert.Contains(statements, s => s.QuerySelectorAll(".carriers li").Length >= 2);
        Assert.NotNull(document.QuerySelector("datalist#speaker-names option[value='Adil Abdul-Mahdi']"));
        Assert.NotNull(document.QuerySelector("label[for=speaker]"));
    }

    [Fact]
    public async Task Entity_pages_list_and_describe_entities()
    {
        var list = await _client.GetPageAsync("/Entities?type=person");
        Assert.Contains(list.QuerySelectorAll("table.entities td[data-label=Name] a"), a => a.TextContent == "Donald Trump");

        var id = await EntityIdAsync("Adel Abdul Mahdi");
        var page = await _client.GetPageAsync($"/Entities/{id}");
        Assert.Equal("Adel Abdul Mahdi", page.QuerySelector("h1")!.TextContent);
        var meta = page.QuerySelector("dl.meta")!.TextContent;
        Assert.Contains("Adil Abdul-Mahdi", meta, StringComparison.Ordinal);
        Assert.Contains("Prime Minister", meta, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("ul.quotes li"));
        Assert.NotEmpty(page.QuerySelectorAll("ul.related li"));

        await _client.GetPageAsync("/Entities/999999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Article_text_marks_entities_and_quotes_with_speakers()
    {
        var list = await GetJsonAsync("/api/articles?outlet=Al-Masdar%20News");
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt32();
        var page = await _client.GetPageAsync($"/Articles/{id}");
        Assert.Contains(page.QuerySelectorAll(".story a.entity.person"), a => a.TextContent == "Qasem Soleimani" && a.GetAttribute("href")!.StartsWith("/Entities/", StringComparison.Ordinal));
        var quote = page.QuerySelectorAll(".story .quote").First(q => q.TextContent.Contains("Those masquerading", StringComparison.Ordinal));
        Assert.Equal("Quote by Mohammad Javad Zarif", quote.GetAttribute("title"));
        Assert.Equal("Mohammad Javad Zarif", quote.NextElementSibling!.TextContent);
        // Marking changes no text: the paragraph still reads exactly as stored.
        var stored = (await GetJsonAsync($"/api/articles/{id}")).GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()).ToList();
        var shown = page.QuerySelectorAll(".story p").Select(p => string.Concat(p.ChildNodes.Where(n => n is not AngleSharp.Dom.IElement e || !e.ClassList.Contains("speaker-tag")).Select(n => n.TextContent)).Replace("  ", " ", StringComparison.Ordinal).Trim()).ToList();
        Assert.Equal(stored.Count, shown.Count);
        Assert.Contains(shown, p => p.StartsWith("Iraq’s parliament has passed a resolution", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reanalyze_rebuilds_the_analysis_without_reading_files()
    {
        var before = (await GetJsonAsync("/api/quotes?pageSize=100")).GetProperty("total").GetInt32();
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(["reanalyze"], output, error, factory.Settings));
        Assert.Contains("Reanalysed 5 articles.", output.ToString(), StringComparison.Ordinal);
        var after = (await GetJsonAsync("/api/quotes?pageSize=100")).GetProperty("total").GetInt32();
        Assert.Equal(before, after);
        Assert.Equal(3, (await GetJsonAsync("/api/quotes?speaker=Abdul%20Mahdi")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_entity_page_lists_its_articles_by_outlet_and_its_quotes_with_their_headlines()
    {
        var id = await EntityIdAsync("Adel Abdul Mahdi");
        var page = await _client.GetPageAsync($"/Entities/{id}");
        var articles = page.QuerySelector("#articles-heading")!.ParentElement!;
        Assert.NotEmpty(articles.QuerySelectorAll("a[href^='/Articles/']"));
        var quoteLinks = page.QuerySelectorAll("ul.quotes a[href^='/Articles/']").Select(a => a.TextContent).ToList();
        Assert.NotEmpty(quoteLinks);
        Assert.DoesNotContain(quoteLinks, t => t.StartsWith("in article", StringComparison.Ordinal));

        var detail = await GetJsonAsync($"/api/entities/{id}");
        Assert.True(detail.GetProperty("articles").GetArrayLength() > 0);
        Assert.False(string.IsNullOrEmpty(detail.GetProperty("quotes")[0].GetProperty("articleTitle").GetString()));
    }

    [Fact]
    public async Task The_article_page_shows_the_file_name_not_the_server_path()
    {
        var page = await _client.GetPageAsync("/Articles/1");
        var source = page.QuerySelectorAll("dt").Single(dt => dt.TextContent == "Source file").NextElementSibling!.TextContent;
        Assert.DoesNotContain("/", source, StringComparison.Ordinal);
        Assert.EndsWith(".txt", source.Split(' ')[0], StringComparison.Ordinal);
    }
}
