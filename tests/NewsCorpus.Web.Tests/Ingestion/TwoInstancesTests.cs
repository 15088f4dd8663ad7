using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Ingestion;

/// <summary>
/// Two app instances on one database, as a team runs them behind a proxy: they start together, one ingests while
/// the other serves pages and the API, and both may ingest the same files at once. On PostgreSQL this is the
/// deployment the provider exists for; on SQLite it is the web app and the ingest command sharing a file.
/// </summary>
public sealed class TwoInstancesTests : IDisposable
{
    private readonly TestCorpusFactory _first = new();
    private readonly TestCorpusFactory _second;
    private readonly ArticleFiles _files = new();

    public TwoInstancesTests() => _second = TestCorpusFactory.SharingDatabaseOf(_first);

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task Instances_starting_together_migrate_and_seed_once()
    {
        await StartBothAsync();

        Assert.Equal(5, await CountAsync(db => db.Articles.CountAsync()));
        Assert.Equal(5, await CountAsync(db => db.Articles.Select(a => a.ContentHash).Distinct().CountAsync()));
    }

    [Fact]
    public async Task One_instance_ingests_while_the_other_serves_without_errors_or_lost_or_doubled_articles()
    {
        await StartBothAsync();
        var paths = WriteArticles("batch", 96);
        using var client = _second.CreateClient();

        string[] urls = ["/", "/Articles", "/api/articles?pageSize=50", "/api/search?q=harbour", "/Search?q=harbour+crane", "/Quotes?speaker=Berg",
            "/api/quotes?speaker=Berg", "/Entities", "/Stories", "/api/stories"];
        var failures = new List<string>();
        async Task GetAsync(string url)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{url}: {(int)response.StatusCode}");
            }
        }

        // Warm the serving instance first, so its requests during the ingestion are ordinary ones.
        foreach (var url in urls)
        {
            await GetAsync(url);
        }

        var ingestion = Task.Run(() => IngestAsync(_first, "batch"));
        var servedDuring = 0;
        for (var i = 0; !ingestion.IsCompleted; i++)
        {
            await GetAsync(urls[i % urls.Length]);
            servedDuring += ingestion.IsCompleted ? 0 : 1;
        }

        foreach (var url in urls)
        {
            await GetAsync(url);
        }

        var report = await ingestion;
        Assert.Empty(failures);
        Assert.Equal(96, report.Count(FileOutcome.Added));
        Assert.Equal(0, report.Count(FileOutcome.Failed));
        Assert.True(servedDuring > 0, "the serving instance answered no request while the other was ingesting");

        // Every file is there exactly once, and the serving instance sees all of them.
        var stored = await CountAsync(db => db.Articles.CountAsync(a => paths.Contains(a.SourcePath)));
        Assert.Equal(96, stored);
        Assert.Equal(101, await CountAsync(db => db.Articles.CountAsync()));
        using var listing = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/articles?pageSize=1", UriKind.Relative)));
        Assert.Equal(101, listing.RootElement.GetProperty("total").GetInt32());
        using var search = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/search?q=%22harbour+crane+17%22", UriKind.Relative)));
        Assert.Equal(1, search.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, await CountAsync(db => db.Articles.CountAsync(a => a.StoryId == null)));
    }

    [Fact]
    public async Task Both_instances_ingesting_the_same_files_at_once_store_each_article_once()
    {
        await StartBothAsync();
        var paths = WriteArticles("shared", 64);

        var reports = await Task.WhenAll(Task.Run(() => IngestAsync(_first, "shared")), Task.Run(() => IngestAsync(_second, "shared")));

        Assert.All(reports, r => Assert.Equal(0, r.Count(FileOutcome.Failed)));
        // Each file is added by one instance; the other finds it already there.
        Assert.Equal(64, reports.Sum(r => r.Count(FileOutcome.Added)));
        Assert.Equal(64, await CountAsync(db => db.Articles.CountAsync(a => paths.Contains(a.SourcePath))));
        Assert.Equal(69, await CountAsync(db => db.Articles.Select(a => a.ContentHash).Distinct().CountAsync()));
        Assert.Equal(69, await CountAsync(db => db.Articles.CountAsync()));
    }

    private async Task StartBothAsync() =>
        await Task.WhenAll(Task.Run(() => _first.Services), Task.Run(() => _second.Services));

    private List<string> WriteArticles(string folder, int count)
    {
        string[] outlets = ["Harbour Gazette", "Coastal Times", "Port Herald", "Evening Wire"];
        return [.. Enumerable.Range(1, count).Select(i => _files.Write($"{folder}/article-{i:000}.txt",
            $"Harbour crane {i} ordered for the east quay\n\n" +
            $"By {outlets[i % outlets.Length]} staff\n\n" +
            $"The port authority ordered harbour crane {i} on Tuesday, the {Ordinal(i)} machine bought under the {2020 + (i % 5)} plan for the east quay.\n\n" +
            $"\"We expect crane {i} to lift its first container within {i + 2} months,\" said Anna Berg, the port's director.\n\n" +
            $"Dock workers said the order, worth {i * 3} million euros, had been expected since the quay reopened.\n"))];
    }

    private static string Ordinal(int i) => i + (i % 10 == 1 && i % 100 != 11 ? "st" : i % 10 == 2 && i % 100 != 12 ? "nd" : i % 10 == 3 && i % 100 != 13 ? "rd" : "th");

    private async Task<IngestionReport> IngestAsync(TestCorpusFactory instance, string folder)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IngestionService>().IngestAsync([Path.Combine(_files.Folder, folder)], "test");
    }

    private async Task<int> CountAsync(Func<NewsCorpusDbContext, Task<int>> query)
    {
        await using var scope = _first.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>());
    }
}
