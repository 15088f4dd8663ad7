using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Analysis.Articles;
using NewsCorpus.Web.Compare;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;

namespace NewsCorpus.Benchmarks;

/// <summary>
/// Server time of comparing 6 articles of about 1,000 words on one event: loading them, aligning their sentences,
/// and building the speaker, entity, figure and framing grids (CompareService, what the page and API call).
/// The articles are built from the seeds' paragraphs, each outlet keeping a different, overlapping selection.
/// </summary>
internal static class CompareBenchmark
{
    private const int Runs = 60;
    private const int Warmup = 40;
    private const int Articles = 6;
    private const int WordsPerArticle = 1000;

    public static async Task<string> RunAsync()
    {
        var work = Directory.CreateTempSubdirectory("newscorpus-compare-bench-").FullName;
        try
        {
            var files = WriteArticles(Path.Combine(work, "articles"));
            var database = Path.Combine(work, "compare.db");
            await using var services = AppServices.For(database);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
            await DataServices.MigrateAsync(db, default);
            await scope.ServiceProvider.GetRequiredService<IngestionService>().IngestAsync(files, "benchmark");
            var ids = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            var words = await db.Articles.Select(a => a.WordCount).ToListAsync();
            var compare = scope.ServiceProvider.GetRequiredService<CompareService>();

            // Warm: the runtime recompiles hot methods after about 30 calls; a long-running server is past that.
            for (var i = 0; i < Warmup; i++)
            {
                await compare.CompareAsync(ids, default);
            }

            var times = new List<double>();
            var rows = 0;
            for (var i = 0; i < Runs; i++)
            {
                db.ChangeTracker.Clear();
                var stopwatch = Stopwatch.StartNew();
                var (comparison, _) = await compare.CompareAsync(ids, default);
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                rows = comparison!.Alignment.Count;
            }

            // The same through HTTP: the page (rendered HTML) and the API (JSON), in-process, no network.
            var pageTimes = await TimeRequestsAsync($"Data Source={database}", $"/Compare?articles={string.Join(',', ids)}");
            var apiTimes = await TimeRequestsAsync($"Data Source={database}", $"/api/compare?articles={string.Join(',', ids)}");

            var inv = CultureInfo.InvariantCulture;
            var median = Latency.Percentile(times, 0.5);
            var p95 = Latency.Percentile(times, 0.95);
            return string.Join('\n',
                "## Compare latency",
                "",
                "Command: `dotnet run -c Release --project tests/NewsCorpus.Benchmarks -- compare --write docs/benchmarks.md`",
                "",
                string.Create(inv, $"Server time of `CompareService` for {Articles} articles of {words.Min():N0}–{words.Max():N0} words on one event ({rows} aligned rows, speaker/entity/figure/framing grids), {Runs} runs after {Warmup} warm-up runs."),
                "",
                "| measure | median ms | p95 ms | fastest / slowest ms |",
                "| --- | ---: | ---: | ---: |",
                string.Create(inv, $"| CompareService | {median:0.0} | {p95:0.0} | {times.Min():0.0} / {times.Max():0.0} |"),
                string.Create(inv, $"| GET /Compare (HTML page) | {Latency.Percentile(pageTimes, 0.5):0.0} | {Latency.Percentile(pageTimes, 0.95):0.0} | {pageTimes.Min():0.0} / {pageTimes.Max():0.0} |"),
                string.Create(inv, $"| GET /api/compare (JSON) | {Latency.Percentile(apiTimes, 0.5):0.0} | {Latency.Percentile(apiTimes, 0.95):0.0} | {apiTimes.Min():0.0} / {apiTimes.Max():0.0} |"),
                "",
                string.Create(inv, $"Target: at most 100 ms; median is {median / 100:0.00} of it, p95 {p95 / 100:0.00}. Machine: {Machine.Describe()}; {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC."));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<List<double>> TimeRequestsAsync(string connectionString, string url)
    {
        await using var factory = new WebApplicationFactory<CompareService>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:NewsCorpus", connectionString);
            b.UseSetting("Corpus:SeedOnStart", "false");
            b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        });
        using var client = factory.CreateClient();
        for (var i = 0; i < Warmup; i++)
        {
            using var warm = await client.GetAsync(url);
            warm.EnsureSuccessStatusCode();
        }

        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        return times;
    }

    // Six outlets' versions: each takes the seed paragraphs in a rotated order, skips a different few, and stops near 1,000 words.
    private static List<string> WriteArticles(string folder)
    {
        Directory.CreateDirectory(folder);
        var paragraphs = Directory.EnumerateFiles(Repository.Find("seeds"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => PlainTextArticleReader.Read(TextDecoder.Decode(File.ReadAllBytes(f)).Text!).Paragraphs)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var files = new List<string>();
        for (var a = 0; a < Articles; a++)
        {
            var chosen = new List<string>();
            var count = 0;
            for (var i = 0; count < WordsPerArticle && i < paragraphs.Count; i++)
            {
                var paragraph = paragraphs[(i * 7 + a * 11) % paragraphs.Count];
                if ((i + a) % 5 == 0 || chosen.Contains(paragraph))
                {
                    continue;
                }

                chosen.Add(paragraph);
                count += TextShape.CountWords(paragraph);
            }

            var path = Path.Combine(folder, $"outlet-{a + 1}.txt");
            File.WriteAllText(path, $"date 2020-01-05\nIraq's parliament votes to expel foreign troops, version {a + 1}\n\n{string.Join("\n\n", chosen)}\n");
            File.WriteAllText(path + ".meta.json", $$"""{ "outlet": "Outlet {{a + 1}}" }""");
            files.Add(path);
        }

        return files;
    }
}
