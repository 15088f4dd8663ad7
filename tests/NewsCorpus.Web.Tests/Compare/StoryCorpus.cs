using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Compare;

/// <summary>The seeded app plus articles about other events (tests/fixtures/events), ingested once for a test class.</summary>
public sealed class StoryCorpus : IAsyncLifetime
{
    public TestCorpusFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        await IngestAsync(Path.Combine(AppContext.BaseDirectory, "events"));
    }

    public async Task<IngestionReport> IngestAsync(params string[] paths)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IngestionService>().IngestAsync(paths, "test");
    }

    /// <summary>The id of the article read from a file whose name starts with <paramref name="prefix"/>.</summary>
    public int ArticleId(string prefix)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
        return db.Articles.AsEnumerable().Single(a => Path.GetFileName(a.SourcePath).StartsWith(prefix, StringComparison.Ordinal)).Id;
    }

    public T Query<T>(Func<NewsCorpusDbContext, T> query)
    {
        using var scope = Factory.Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>());
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
