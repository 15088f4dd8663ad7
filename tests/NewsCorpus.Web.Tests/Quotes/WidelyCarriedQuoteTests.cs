using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Quotes;

/// <summary>A statement a wire spread to many outlets: listed once, with its full count and the first carriers.</summary>
public sealed class WidelyCarriedQuoteTests(TestCorpusFactory factory) : IClassFixture<TestCorpusFactory>, IDisposable
{
    private readonly ArticleFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task The_quotes_page_counts_every_carrier_and_lists_the_first_ones()
    {
        var paths = Enumerable.Range(1, 30).Select(i => _files.Write($"outlet-{i:00}/bridge.txt",
            $"date 2022-03-{i % 28 + 1:00}\nBridge reopens in Dunmore after repairs, report {i}\n\n" +
            $"The old bridge in Dunmore reopened on Monday after {i + 3} months of repairs, officials said.\n\n" +
            "\"This bridge carried our grandparents and it will carry our grandchildren,\" said Mayor Lena Holt at the ceremony.\n")).ToArray();
        using (var scope = factory.Services.CreateScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<IngestionService>().IngestAsync(paths, "test");
            Assert.Equal(30, report.Count(FileOutcome.Added));
        }

        var page = await factory.CreateClient().GetPageAsync("/Quotes?speaker=Lena%20Holt");
        var statement = Assert.Single(page.QuerySelectorAll(".statement"));
        Assert.StartsWith("Carried by 30 articles", statement.QuerySelector("summary")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("the first 25 are listed", statement.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(NewsCorpus.Web.Pages.Quotes.IndexModel.MaxCarriers, statement.QuerySelectorAll(".carriers > li").Length);
    }
}
