using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;

namespace NewsCorpus.Web.Tests.Support;

/// <summary>The app over its own database and a folder of files a test writes, with the two calls most tests make.</summary>
public sealed class CorpusSession : IDisposable
{
    public CorpusSession() => _ = Factory.Services; // start the host: migrate and ingest the seeds

    public TestCorpusFactory Factory { get; } = new();

    public ArticleFiles Files { get; } = new();

    public async Task<IngestionReport> IngestAsync(params string[] paths)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IngestionService>().IngestAsync(paths, "test");
    }

    public async Task<T> QueryAsync<T>(Func<NewsCorpusDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>());
    }

    public void Dispose()
    {
        Factory.Dispose();
        Files.Dispose();
    }
}
