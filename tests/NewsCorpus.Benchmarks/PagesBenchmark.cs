using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Benchmarks;

/// <summary>
/// Latency of the pages and endpoints people use most, over HTTP on loopback against the app on Kestrel (one
/// request at a time, medians and p95), then requests per second under 32 concurrent connections with wrk for a
/// bounded 10 seconds per URL.
/// </summary>
internal static partial class PagesBenchmark
{
    private const int Runs = 100;
    private const int Warmup = 20;

    private static readonly string[] s_loadHeader =
    [
        "",
        "`wrk -t2 -c32 -d20s --latency` against the same server:",
        "",
        "| URL | requests/s | p99 latency | non-2xx | socket errors |",
        "| --- | ---: | ---: | ---: | --- |",
    ];

    private static readonly string[] s_wrkArguments = ["-t2", "-c32", "-d20s", "--latency"];

    [GeneratedRegex(@"Requests/sec:\s+(?<rps>[\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(?<n>\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors:(?<errors>[^\n]+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"^\s+99%\s+(?<p99>\S+)", RegexOptions.Multiline)]
    private static partial Regex P99();

    public static async Task<string> RunAsync(string database)
    {
        await using var factory = AppServices.Server(database);
        var address = AppServices.Address(factory);

        int articles;
        List<int> ids;
        string speaker;
        int story;
        List<int> storyArticles;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
            articles = await db.Articles.CountAsync();
            var all = await db.Articles.Select(a => a.Id).ToListAsync();
            var random = new Random(42);
            ids = [.. Enumerable.Range(0, 50).Select(_ => all[random.Next(all.Count)])];
            speaker = await db.Quotes.Where(q => q.SpeakerEntityId != null).GroupBy(q => q.SpeakerEntity!.Name)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            story = await db.Stories.Where(s => s.ArticleCount >= 6).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            storyArticles = await db.Articles.Where(a => a.StoryId == story).OrderBy(a => a.Id).Select(a => a.Id).Take(6).ToListAsync();
        }

        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var speakerQuery = Uri.EscapeDataString(speaker);
        var endpoints = new (string Name, Func<int, string> Url, double? Target)[]
        {
            ("article page `/Articles/{id}`", i => $"/Articles/{ids[i % ids.Count]}", 30),
            ("quotes by speaker `/api/quotes?speaker=`", _ => $"/api/quotes?speaker={speakerQuery}", 10),
            ("quotes page `/Quotes?speaker=`", _ => $"/Quotes?speaker={speakerQuery}", null),
            ("story page `/Stories/{id}`", _ => $"/Stories/{story}", null),
            ("compare page, 6 articles", _ => $"/Compare?articles={string.Join(',', storyArticles)}", 100),
            ("search API `q=troops`", _ => "/api/search?q=troops", 20),
        };

        var inv = CultureInfo.InvariantCulture;
        var rows = new List<string>();
        foreach (var (name, url, target) in endpoints)
        {
            for (var i = 0; i < Warmup; i++)
            {
                using var warm = await client.GetAsync(url(i));
                warm.EnsureSuccessStatusCode();
            }

            var times = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                using var response = await client.GetAsync(url(i));
                await response.Content.ReadAsByteArrayAsync();
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                response.EnsureSuccessStatusCode();
            }

            var p95 = Latency.Percentile(times, 0.95);
            rows.Add(string.Create(inv, $"| {name} | {Latency.Percentile(times, 0.5):0.0} | {p95:0.0} | {(target is { } t ? $"{t:0} ms ({(p95 <= t ? "met" : "not met")})" : "")} |"));
        }

        var load = new List<string>();
        foreach (var path in new[] { $"/Articles/{ids[0]}", "/api/search?q=troops" })
        {
            load.Add(Wrk(address + path, path));
        }

        return string.Join('\n', new[]
        {
            $"## Pages and load ({AppServices.ProviderName(database)})",
            "",
            "Command: `dotnet run -c Release --project tests/NewsCorpus.Benchmarks -- pages --database <corpus.db> --write docs/benchmarks.md`",
            "",
            string.Create(inv, $"Time to the last byte over HTTP on loopback (the app on Kestrel, one request at a time, {Runs} requests after {Warmup} warm-up ones), on {articles:N0} articles."),
            "",
            "| request | median ms | p95 ms | target (p95) |",
            "| --- | ---: | ---: | --- |",
        }.Concat(rows).Concat(s_loadHeader).Concat(load).Concat(new[]
        {
            "",
            $"Machine: {Machine.Describe()}; {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC.",
        }));
    }

    private static string Wrk(string url, string shown)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in s_wrkArguments.Append(url))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(60_000);
            var rps = RequestsPerSecond().Match(output) is { Success: true } r ? r.Groups["rps"].Value : "?";
            var non2xx = Non2xx().Match(output) is { Success: true } n ? n.Groups["n"].Value : "0";
            var errors = SocketErrors().Match(output) is { Success: true } e ? e.Groups["errors"].Value.Trim() : "none";
            var p99 = P99().Match(output) is { Success: true } p ? p.Groups["p99"].Value : "?";
            return $"| `{shown}` | {rps} | {p99} | {non2xx} | {errors} |";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"| `{shown}` | wrk is not installed (Debian package `wrk`) | | | |";
        }
    }
}
