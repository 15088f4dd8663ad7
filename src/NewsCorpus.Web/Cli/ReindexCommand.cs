using System.Diagnostics;
using System.Globalization;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Cli;

/// <summary>The reindex verb: rebuilds the search index from the database and prints what it holds and how fast it went.</summary>
internal static class ReindexCommand
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?>? settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var host = CommandLine.BuildHost(settings);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
        await DataServices.MigrateAsync(db, cancellationToken);
        var index = scope.ServiceProvider.GetRequiredService<SearchIndex>();
        var stopwatch = Stopwatch.StartNew();
        if (!await index.RebuildAsync(db, cancellationToken))
        {
            await error.WriteLineAsync($"The search index at {index.Folder} is in use by a running app, which keeps it current; stop the app to rebuild it here.");
            return 1;
        }

        var elapsed = stopwatch.Elapsed;
        var (articles, quotes, bytes) = index.Size();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Indexed {articles:N0} articles and {quotes:N0} quotes in {elapsed.TotalSeconds:0.0} s ({articles / Math.Max(elapsed.TotalSeconds, 0.001):N0} articles/s); index {bytes / 1048576.0:0.0} MB at {index.Folder}."));
        return 0;
    }
}
