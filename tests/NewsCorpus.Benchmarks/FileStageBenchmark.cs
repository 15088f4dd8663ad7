using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;

namespace NewsCorpus.Benchmarks;

/// <summary>
/// The file stage's two halves, each on one thread, so what each costs an article is known apart from how a run shares
/// two cores between them: preparing (reading, parsing, analysing; no database) and storing the prepared articles into
/// a fresh SQLite database in the run's blocks and transactions. Rounds alternate; medians count.
/// </summary>
internal static class FileStageBenchmark
{
    private const int BlockSize = 32;

    private sealed record Round(double PrepareSeconds, double StoreSeconds, long PrepareBytes, long StoreBytes, string PrepareCollections);

    public static async Task<string> RunAsync(string folder, int count, int rounds)
    {
        var files = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(count).ToList();
        var measured = new List<Round>();
        var work = Directory.CreateTempSubdirectory("newscorpus-file-stage-");
        try
        {
            for (var round = 0; round <= rounds; round++)
            {
                var result = await MeasureAsync(files, Path.Combine(work.FullName, $"round{round}.db"));
                if (round > 0)
                {
                    measured.Add(result); // The first round warms up (JIT, file cache).
                }
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }

        return Report(folder, files.Count, measured);
    }

    private static async Task<Round> MeasureAsync(List<string> files, string database)
    {
        await using var services = AppServices.For(database);
        var preparation = services.GetRequiredService<FilePreparation>();
        var known = new Dictionary<string, (string ContentHash, string? MetadataHash)>();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var collections = Collections();
        var paused = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        var prepared = files.Select(f => preparation.Prepare(f, known)).ToArray();
        var prepareSeconds = clock.Elapsed.TotalSeconds;
        var prepareBytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var prepareCollections = string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(" / ", Collections().Zip(collections, (a, b) => a - b))} ({(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.00} s paused)");

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
        await DataServices.MigrateAsync(db, CancellationToken.None);
        var run = new IngestionRun { Trigger = "benchmark", Sources = "file stage", StartedAt = DateTime.UtcNow, HeartbeatAt = DateTime.UtcNow };
        db.IngestionRuns.Add(run);
        await db.SaveChangesAsync();
        var store = scope.ServiceProvider.GetRequiredService<ArticleStore>();
        GC.Collect();
        allocated = GC.GetTotalAllocatedBytes(precise: true);
        clock.Restart();
        foreach (var block in prepared.Chunk(BlockSize))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await store.StoreAsync(transaction, block, new HashSet<string>(), run.Id, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var storeSeconds = clock.Elapsed.TotalSeconds;
        var storeBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var stored = await db.Articles.CountAsync();
        if (stored != prepared.Count(p => p.Analysis is not null))
        {
            throw new InvalidOperationException($"stored {stored} of {prepared.Length} prepared files");
        }

        return new Round(prepareSeconds, storeSeconds, prepareBytes, storeBytes, prepareCollections);
    }

    private static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    private static string Report(string folder, int files, List<Round> rounds)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        var prepare = Median(rounds.Select(r => r.PrepareSeconds)) / files * 1e6;
        var store = Median(rounds.Select(r => r.StoreSeconds)) / files * 1e6;
        var inv = CultureInfo.InvariantCulture;
        return string.Join('\n',
            "## The file stage's halves, one thread each",
            "",
            "Command: `dotnet run -c Release --project tests/NewsCorpus.Benchmarks -- file-stage <folder> [--files N] [--rounds R] --write docs/benchmarks.md`",
            "",
            "| half | median µs per article, one thread | slowest / fastest round (s) | KB allocated per article |",
            "| --- | ---: | ---: | ---: |",
            string.Create(inv, $"| preparing: reading, parsing, analysing (no database) | {prepare:N0} | {rounds.Max(r => r.PrepareSeconds):0.00} / {rounds.Min(r => r.PrepareSeconds):0.00} | {rounds.Average(r => r.PrepareBytes) / files / 1024:N0} |"),
            string.Create(inv, $"| storing into a fresh SQLite database (blocks of {BlockSize}, one transaction each) | {store:N0} | {rounds.Max(r => r.StoreSeconds):0.00} / {rounds.Min(r => r.StoreSeconds):0.00} | {rounds.Average(r => r.StoreBytes) / files / 1024:N0} |"),
            "",
            $"Collections while preparing (generations 0 / 1 / 2), round by round: {string.Join("; ", rounds.Select(r => r.PrepareCollections))}.",
            "",
            string.Create(inv, $"Together {prepare + store:N0} µs of one core per article: on two cores, with both halves perfectly overlapped, at most {2e6 / (prepare + store):N0} articles/s. Corpus: the first {files:N0} articles of {Path.GetFileName(folder.TrimEnd('/'))}, {rounds.Count} rounds after a warm-up. Machine: {Machine.Describe()}. Measured {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC."));
    }
}
