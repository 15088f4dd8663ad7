using System.Net;
using AngleSharp.Dom;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Articles;

/// <summary>The pages over the seeded corpus, as a user opening the app for the first time sees them.</summary>
public sealed class PagesTests(TestCorpusFactory factory) : IClassFixture<TestCorpusFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<int> ArticleIdAsync(string fileName)
    {
        var document = await _client.GetPageAsync("/Articles?sort=title");
        foreach (var link in document.QuerySelectorAll("table.articles tbody a[href^='/Articles/']"))
        {
            var id = int.Parse(link.GetAttribute("href")!["/Articles/".Length..], System.Globalization.CultureInfo.InvariantCulture);
            var page = await _client.GetPageAsync($"/Articles/{id}");
            if (page.QuerySelector("dl.meta code")!.TextContent.EndsWith(fileName, StringComparison.Ordinal))
            {
                return id;
            }
        }

        throw new InvalidOperationException($"no article from {fileName}");
    }

    [Fact]
    public async Task Home_shows_counts_outlets_and_the_seed_run()
    {
        var document = await _client.GetPageAsync("/");
        Assert.Equal("5", document.QuerySelector("[data-testid=article-count]")!.TextContent.Trim());
        Assert.Equal("2", document.QuerySelector("[data-testid=outlet-count]")!.TextContent.Trim());
        var outlets = document.QuerySelectorAll("#outlets-heading ~ table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(outlets, o => o.Contains("The Jerusalem Post", StringComparison.Ordinal));
        Assert.Contains(outlets, o => o.Contains("Al-Masdar News", StringComparison.Ordinal));
        Assert.Contains(outlets, o => o.Contains("Unknown outlet", StringComparison.Ordinal) && o.Contains('3', StringComparison.Ordinal));
        Assert.Contains("5 January 2020", document.QuerySelector(".stats")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 added", document.QuerySelector("#run-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_list_shows_every_seed_with_outlet_date_words_and_origin()
    {
        var document = await _client.GetPageAsync("/Articles");
        var rows = document.QuerySelectorAll("table.articles tbody tr");
        Assert.Equal(5, rows.Length);
        var jpost = rows.Single(r => r.TextContent.Contains("Iraq calls for foreign forces to leave", StringComparison.Ordinal));
        Assert.Equal("The Jerusalem Post", Cell(jpost, "Outlet"));
        Assert.Equal("2020-01-05", Cell(jpost, "Date"));
        Assert.Equal("Reuters", Cell(jpost, "Wire origin"));
        Assert.True(int.Parse(Cell(jpost, "Words"), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) > 800);
        Assert.Equal(3, document.QuerySelectorAll(".tag").Count(t => t.TextContent == "derived title"));
    }

    [Fact]
    public async Task Article_list_sorts_by_title_and_filters_by_outlet()
    {
        var sorted = await _client.GetPageAsync("/Articles?sort=title&dir=asc");
        var titles = sorted.QuerySelectorAll("table.articles tbody td[data-label=Title] a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(titles.Order(StringComparer.Ordinal).ToList(), titles);
        Assert.Equal("ascending", sorted.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));

        var filtered = await _client.GetPageAsync("/Articles?outlet=The+Jerusalem+Post");
        var row = Assert.Single(filtered.QuerySelectorAll("table.articles tbody tr"));
        Assert.Contains("Iraq calls for foreign forces", row.TextContent, StringComparison.Ordinal);

        var unknown = await _client.GetPageAsync("/Articles?outlet=unknown");
        Assert.Equal(3, unknown.QuerySelectorAll("table.articles tbody tr").Length);

        var nothing = await _client.GetPageAsync("/Articles?outlet=No+Such+Paper");
        Assert.Empty(nothing.QuerySelectorAll("table.articles tbody tr"));
        Assert.Contains("No articles match", nothing.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_page_shows_metadata_story_and_the_removed_boilerplate()
    {
        var id = await ArticleIdAsync("002_7bc3c1863784ffd2.txt");
        var document = await _client.GetPageAsync($"/Articles/{id}");
        Assert.Equal("Iraq calls for foreign forces to leave after US killing of Iran commander", document.QuerySelector("h1")!.TextContent);
        var meta = document.QuerySelector("dl.meta")!.TextContent;
        Assert.Contains("The Jerusalem Post", meta, StringComparison.Ordinal);
        Assert.Contains("5 January 2020, 18:29", meta, StringComparison.Ordinal);
        Assert.Contains("Reuters", meta, StringComparison.Ordinal);
        var paragraphs = document.QuerySelectorAll(".story p").Select(p => p.TextContent).ToList();
        Assert.StartsWith("Iraq's parliament called on Sunday", paragraphs[0], StringComparison.Ordinal);
        Assert.DoesNotContain(paragraphs, p => p.Contains("Most Read", StringComparison.Ordinal));

        var removed = document.QuerySelector("details.removed")!;
        Assert.Null(removed.GetAttribute("open"));
        Assert.Contains("Removed as boilerplate", removed.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(removed.QuerySelectorAll("li"), li => li.TextContent.Contains("Most Read", StringComparison.Ordinal) && li.QuerySelector(".reason") is not null);
    }

    [Fact]
    public async Task Derived_titles_are_flagged_on_the_article_page()
    {
        var id = await ArticleIdAsync("000_9a64ffcf26e9dcc4.txt");
        var document = await _client.GetPageAsync($"/Articles/{id}");
        Assert.Contains("derived", document.QuerySelector("h1")!.ClassList);
        Assert.Contains("no headline", document.QuerySelector(".note")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("unknown", document.QuerySelector("dl.meta")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Articles/999999")]
    [InlineData("/Articles/not-a-number")]
    [InlineData("/no/such/page")]
    public async Task Unknown_pages_get_a_friendly_404(string url)
    {
        var document = await _client.GetPageAsync(url, HttpStatusCode.NotFound);
        Assert.Equal("Page not found", document.QuerySelector("h1")!.TextContent);
        Assert.NotNull(document.QuerySelector("a[href='/Articles']"));
    }

    [Fact]
    public async Task Ingestion_page_lists_the_seed_run()
    {
        var document = await _client.GetPageAsync("/Ingestion");
        var rows = document.QuerySelectorAll("table.runs tbody tr");
        var row = rows[^1];
        Assert.Equal("seed", Cell(row, "Trigger"));
        Assert.Equal("5", Cell(row, "Added"));
        Assert.Equal("0", Cell(row, "Failed"));
    }

    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        using var response = await _client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_page_has_a_labelled_main_landmark_and_navigation()
    {
        foreach (var url in new[] { "/", "/Articles", "/Ingestion" })
        {
            var document = await _client.GetPageAsync(url);
            Assert.NotNull(document.QuerySelector("main#main"));
            Assert.NotNull(document.QuerySelector("nav[aria-label=Main]"));
            Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
            Assert.All(document.QuerySelectorAll("select"), s => Assert.NotNull(document.QuerySelector($"label[for='{s.Id}']")));
        }
    }

    private static string Cell(IElement row, string label) => row.QuerySelector($"[data-label='{label}']")!.TextContent.Trim();
}
