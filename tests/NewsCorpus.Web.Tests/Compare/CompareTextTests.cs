using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Compare;

/// <summary>Comparing articles written for the test: markup in article text stays text, and outlets' own sentences show as theirs.</summary>
public sealed class CompareTextTests(TestCorpusFactory factory) : IClassFixture<TestCorpusFactory>, IDisposable
{
    private readonly ArticleFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Markup_in_articles_is_shown_as_text_and_each_outlets_additions_are_its_own()
    {
        var client = factory.CreateClient();
        const string Shared = "The harbour authority closed the port of Velmar on Monday after a tanker ran aground at the entrance channel. ";
        var a = _files.Write("a/port.txt", "date 2022-05-02\nPort of Velmar closed after tanker runs aground\n\n" + Shared +
            "Officials said the <script>alert('x')</script> channel would reopen within two days.\n\nThe tanker carried 40,000 tonnes of diesel, the authority said.\n");
        var b = _files.Write("b/port.txt", "date 2022-05-02\nTanker grounding shuts Velmar port\n\n" + Shared +
            "Fishermen said they feared a spill would ruin the season.\n\nThe tanker carried 42,000 tonnes of diesel, the owner said.\n");
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<NewsCorpus.Web.Ingestion.IngestionService>().IngestAsync([a, b], "test");
        }

        int idA, idB;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
            idA = db.Articles.Single(x => x.SourcePath == a).Id;
            idB = db.Articles.Single(x => x.SourcePath == b).Id;
            Assert.Equal(db.Articles.Single(x => x.Id == idA).StoryId, db.Articles.Single(x => x.Id == idB).StoryId);
        }

        using var response = await client.GetAsync($"/Compare?articles={idA},{idB}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", html, StringComparison.Ordinal);

        var page = await client.GetPageAsync($"/Compare?articles={idA},{idB}");
        var rows = page.QuerySelectorAll("table.alignment tbody tr");
        Assert.Contains(rows, r => r.ClassName == "row-identical" && r.TextContent.Contains("ran aground at the entrance channel", StringComparison.Ordinal));
        var own = rows.Where(r => r.ClassName == "row-unique").Select(r => r.TextContent).ToList();
        Assert.Contains(own, t => t.Contains("Fishermen said they feared a spill", StringComparison.Ordinal));

        // 40,000 against 42,000 tonnes: the same thing counted differently.
        var tonnes = page.QuerySelectorAll("#numbers tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim().StartsWith("tonne", StringComparison.Ordinal));
        Assert.Equal("differs", tonnes.ClassName);
    }
}
