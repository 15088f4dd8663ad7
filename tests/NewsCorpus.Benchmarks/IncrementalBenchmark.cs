using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsCorpus.Benchmarks;

/// <summary>
/// What adding articles costs as the corpus grows: the same folder of new articles ingested through the CLI into an
/// empty database and into a copy of a stored corpus (database and search index), round after round, alternating.
/// Each run is its own process, timed from outside, its peak memory read from the kernel; pass times come from its log.
/// </summary>
internal static partial class IncrementalBenchmark
{
    private sealed record Measured(double WallSeconds, long PeakBytes, Dictionary<string, double> PassSeconds);

    private static readonly (string Name, Regex Pattern)[] s_passes =
    [
        ("files", FilesPass()),
        ("entities and speakers", EntitiesPass()),
        ("stories", StoriesPass()),
        ("quote clusters", QuotesPass()),
        ("search", SearchPass()),
    ];

    public static string Run(string corpus, string index, string newArticles, int rounds)
    {
        var app = Repository.Find(Path.Combine("src", "NewsCorpus.Web", "bin", "Release", "net10.0", "NewsCorpus.Web.dll"));
        if (!File.Exists(app))
        {
            throw new FileNotFoundException($"build the app first (dotnet build -c Release): {app} is missing");
        }

        var work = Directory.CreateTempSubdirectory("newscorpus-incremental-");
        try
        {
            var empty = new List<Measured>();
            var grown = new List<Measured>();
            for (var round = 0; round < rounds; round++)
            {
                // Alternating which goes first spreads the machine's slow minutes over both.
                if (round % 2 == 0)
                {
                    empty.Add(Ingest(app, work.FullName, null, null, newArticles));
                    grown.Add(Ingest(app, work.FullName, corpus, index, newArticles));
                }
                else
                {
                    grown.Add(Ingest(app, work.FullName, corpus, index, newArticles));
                    empty.Add(Ingest(app, work.FullName, null, null, newArticles));
                }
            }

            return Report(corpus, newArticles, empty, grown);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static Measured Ingest(string app, string work, string? corpus, string? index, string newArticles)
    {
        var database = Path.Combine(work, "corpus.db");
        var indexCopy = Path.Combine(work, "index");
        foreach (var stale in Directory.EnumerateFiles(work, "corpus.db*"))
        {
            File.Delete(stale);
        }

        if (Directory.Exists(indexCopy))
        {
            Directory.Delete(indexCopy, recursive: true);
        }

        if (corpus is not null)
        {
            File.Copy(corpus, database);
            CopyFolder(index!, indexCopy);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { app, "ingest", newArticles })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__NewsCorpus"] = $"Data Source={database}";
        start.Environment["Search__IndexPath"] = indexCopy;
        start.Environment["Serilog__MinimumLevel__Default"] = "Information";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peak = 0;
        while (!process.WaitForExit(200))
        {
            process.Refresh();
            peak = Math.Max(peak, TryPeak(process));
        }

        process.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        var log = output.ToString();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ingest exited with {process.ExitCode}:\n{log}");
        }

        return new Measured(wall, peak, s_passes.ToDictionary(p => p.Name, p => p.Pattern.Matches(log).Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) / 1000));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    // The kernel's high-water mark of the process's memory; gone once it has exited.
    private static long TryPeak(Process process)
    {
        try
        {
            return process.PeakWorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static string Report(string corpus, string newArticles, List<Measured> empty, List<Measured> grown)
    {
        static double Median(IEnumerable<double> values) => Latency.Percentile([.. values], 0.5);
        var ratio = Median(grown.Select(r => r.WallSeconds)) / Median(empty.Select(r => r.WallSeconds));
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"The articles of `{Path.GetFileName(newArticles.TrimEnd('/'))}` ingested through the CLI into an empty database and into a copy of `{Path.GetFileName(corpus)}`, {empty.Count} rounds each, alternating; medians (seconds; peak memory of the process)."),
            "",
            "| into | wall | peak | " + string.Join(" | ", s_passes.Select(p => p.Name)) + " |",
            "| --- | ---: | ---: | " + string.Join(" | ", s_passes.Select(_ => "---:")) + " |",
            Row("an empty database", empty),
            Row($"the stored corpus", grown),
            "",
            string.Create(CultureInfo.InvariantCulture, $"Ratio of the medians: {ratio:0.00}× (target: at most 1.5×). Every wall time, empty: {string.Join(", ", empty.Select(r => r.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture)))}; stored corpus: {string.Join(", ", grown.Select(r => r.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture)))}."),
            $"Machine: {Machine.Describe()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.",
        };
        return string.Join('\n', lines);

        static string Row(string name, List<Measured> runs) => string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Median(runs.Select(r => r.WallSeconds)):0.0} | {Median(runs.Select(r => r.PeakBytes / 1024.0 / 1024 / 1024)):0.00} GB | ")
            + string.Join(" | ", s_passes.Select(p => Median(runs.Select(r => r.PassSeconds[p.Name])).ToString("0.0", CultureInfo.InvariantCulture))) + " |";
    }

    [GeneratedRegex(@"Stored \d+ files in (\d+) ms")]
    private static partial Regex FilesPass();

    [GeneratedRegex(@"Resolved the entities and quotes of \d+ articles in (\d+) ms")]
    private static partial Regex EntitiesPass();

    [GeneratedRegex(@"Grouped \d+ articles into stories .* in (\d+) ms \(assigning")]
    private static partial Regex StoriesPass();

    [GeneratedRegex(@"Clustered \d+ quotes of \d+ articles .* in (\d+) ms")]
    private static partial Regex QuotesPass();

    [GeneratedRegex(@"Search index(?: rebuilt|: \d+ changes).* in (\d+) ms")]
    private static partial Regex SearchPass();
}
