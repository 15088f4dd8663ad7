using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Benchmarks;

/// <summary>
/// Every quote of a corpus downloaded as CSV and as JSON Lines over HTTP from the app on Kestrel: rows, seconds (median of
/// three), rows a second, and the process's working set sampled while the download runs against what it was before, so a
/// streamed export shows flat memory however many rows it writes.
/// </summary>
internal static class ExportBenchmark
{
    private const int Rounds = 3;

    public static async Task<string> RunAsync(string database)
    {
        await using var factory = AppServices.Server(database);
        var address = AppServices.Address(factory);
        int quotes;
        using (var scope = factory.Services.CreateScope())
        {
            quotes = await scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>().Quotes.CountAsync();
        }

        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(10) };
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(inv, $"Every quote of a corpus of {quotes:N0} quotes ({AppServices.ProviderName(database)}), downloaded over loopback, {Rounds} rounds, median:"),
            "",
            "| format | rows | seconds | rows/s | working set before | peak during | growth |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        };
        foreach (var format in new[] { "csv", "jsonl" })
        {
            var runs = new List<(double Seconds, long Rows, long Before, long Peak)>();
            for (var round = 0; round < Rounds; round++)
            {
                runs.Add(await DownloadAsync(client, $"/api/quotes?format={format}"));
            }

            var median = runs.OrderBy(r => r.Seconds).ElementAt(Rounds / 2);
            lines.Add(string.Create(inv,
                $"| {format} | {median.Rows - (format == "csv" ? 1 : 0):N0} | {median.Seconds:0.00} | {(median.Rows / median.Seconds):N0} | {Mb(median.Before)} | {Mb(median.Peak)} | {Mb(median.Peak - median.Before)} |"));
        }

        return string.Join('\n', lines);
    }

    private static async Task<(double Seconds, long Rows, long Before, long Peak)> DownloadAsync(HttpClient client, string url)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var peak = before;
        var stopwatch = Stopwatch.StartNew();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream);
        long rows = 0;
        while (await reader.ReadLineAsync() is not null)
        {
            if (++rows % 5_000 == 0)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
            }
        }

        return (stopwatch.Elapsed.TotalSeconds, rows, before, peak);
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0} MB");
}
