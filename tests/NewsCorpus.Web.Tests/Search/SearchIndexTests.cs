using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Cli;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Search;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Search;

/// <summary>Each instance keeps its own index current from the outbox, rebuilds a broken one, and the reindex verb rebuilds on demand.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly ArticleFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_second_instance_indexes_what_the_first_ingested_within_five_seconds()
    {
        using var first = new TestCorpusFactory();
        using var second = TestCorpusFactory.SharingDatabaseOf(first);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        Assert.True(await TotalAsync(secondClient, "kalimbor") == 0);

        var path = _files.Write("news/kalimbor.txt", "Kalimbor bridge reopens\n\nThe Kalimbor bridge reopened on Monday after repairs, the transport office said.\n");
        await using (var scope = first.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IngestionService>().IngestAsync([path], "test");
        }

        // The second instance's own indexer applies the change, without any search asking it to.
        long last;
        await using (var scope = first.Services.CreateAsyncScope())
        {
            last = await SearchOutbox.LastAsync(scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>(), default);
        }

        var index = second.Services.GetRequiredService<SearchIndex>();
        var clock = Stopwatch.StartNew();
        while (index.Sequence < last && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50);
        }

        Assert.True(index.Sequence >= last, $"The second instance reached sequence {index.Sequence} of {last} in {clock.Elapsed}.");
        Assert.Equal(1, await TotalAsync(secondClient, "kalimbor"));
        Assert.Equal(1, await TotalAsync(firstClient, "kalimbor"));
    }

    [Fact]
    public async Task A_corrupt_index_is_rebuilt_on_start_and_searches_keep_answering()
    {
        using var owner = new TestCorpusFactory();
        var shared = Path.Combine(owner.Root, "shared-index");
        using (var before = TestCorpusFactory.SharingDatabaseOf(owner, shared))
        {
            using var client = before.CreateClient();
            Assert.True(await TotalAsync(client, "troops") > 0);
        }

        foreach (var file in Directory.EnumerateFiles(shared))
        {
            File.WriteAllBytes(file, [0xde, 0xad, 0xbe, 0xef]);
        }

        using var after = TestCorpusFactory.SharingDatabaseOf(owner, shared);
        using var restarted = after.CreateClient();
        var clock = Stopwatch.StartNew();
        var total = 0;
        while (total == 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            total = await TotalAsync(restarted, "troops");
        }

        Assert.True(total > 0);
    }

    [Fact]
    public async Task Reindex_rebuilds_from_the_database_and_refuses_an_index_a_running_app_holds()
    {
        using var factory = new TestCorpusFactory();
        using var client = factory.CreateClient();
        var expected = await TotalAsync(client, "troops");
        Assert.True(expected > 0);

        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(1, await CommandLine.RunAsync(["reindex"], output, error, factory.Settings));
        Assert.Contains("in use by a running app", error.ToString(), StringComparison.Ordinal);

        var elsewhere = new Dictionary<string, string?>(factory.Settings) { ["Search:IndexPath"] = Path.Combine(factory.Root, "rebuilt") };
        Assert.Equal(0, await CommandLine.RunAsync(["reindex"], output, error, elsewhere));
        int articles;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            articles = await scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>().Articles.CountAsync();
        }

        Assert.Contains($"Indexed {articles} articles", output.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(factory.Root, "rebuilt")));
    }

    private static async Task<int> TotalAsync(HttpClient client, string q)
    {
        using var response = await client.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32();
    }
}
