using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Web.Cli;

/// <summary>
/// eval-extraction: scores HTML main-content extraction the way the article-extraction benchmark does. Tokens
/// are runs of Unicode word characters, case kept; each text is the multiset of its 4-token shingles; per page,
/// precision and recall of predicted shingles against gold; corpus precision is the mean over pages with output,
/// recall the mean over all pages; F1 the harmonic mean of the two.
/// </summary>
public static partial class EvaluateExtractionCommand
{
    private const int Passes = 3;

    [GeneratedRegex(@"\w+")]
    private static partial Regex Token();

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Score(double Precision, double Recall, double F1, double PagesPerSecond, int Pages);

    public static async Task<int> RunAsync(string folder, string? predictionsPath, TextWriter output, TextWriter error)
    {
        var truthPath = Path.Combine(folder, "ground-truth.json");
        var htmlFolder = Path.Combine(folder, "html");
        if (!File.Exists(truthPath) || !Directory.Exists(htmlFolder))
        {
            await error.WriteLineAsync($"eval-extraction: {folder} needs ground-truth.json and html/");
            return 2;
        }

        using var truth = JsonDocument.Parse(await File.ReadAllTextAsync(truthPath));
        var pages = truth.RootElement.EnumerateObject()
            .Select(p => (Id: p.Name, Gold: p.Value.GetProperty("articleBody").GetString() ?? "", Path: Path.Combine(htmlFolder, p.Name + ".html")))
            .Where(p => File.Exists(p.Path))
            .ToList();

        var bytes = pages.Select(p => File.ReadAllBytes(p.Path)).ToList();
        var predictions = new Dictionary<string, ParsedArticle?>(StringComparer.Ordinal);
        // Three passes, the last timed: the first ones warm the runtime (the JIT recompiles hot code after a few
        // dozen calls), as a server reading pages all day is warm. extract.js times Readability the same way.
        var seconds = 0.0;
        for (var pass = 0; pass < Passes; pass++)
        {
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < pages.Count; i++)
            {
                var decoded = HtmlArticleReader.Decode(bytes[i]);
                predictions[pages[i].Id] = decoded.Succeeded ? HtmlArticleReader.Read(decoded.Text!) : null;
            }

            seconds = stopwatch.Elapsed.TotalSeconds;
        }

        var score = Evaluate(pages.Select(p => (p.Gold, Predicted: predictions[p.Id] is { } a ? string.Join('\n', a.Paragraphs) : "")).ToList(), pages.Count / seconds);
        await output.WriteLineAsync("| extractor | pages | precision | recall | F1 | pages/s |");
        await output.WriteLineAsync("| --- | ---: | ---: | ---: | ---: | ---: |");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| NewsCorpus (AngleSharp) | {score.Pages} | {score.Precision:0.000} | {score.Recall:0.000} | {score.F1:0.000} | {score.PagesPerSecond:0.0} |"));

        await CompareWithReadabilityAsync(folder, pages.Select(p => (p.Id, p.Gold)).ToList(), output, error);

        if (predictionsPath is not null)
        {
            var json = predictions.ToDictionary(p => p.Key, p => new
            {
                articleBody = p.Value is null ? "" : string.Join('\n', p.Value.Paragraphs),
                title = p.Value?.Title,
                authors = p.Value?.Byline,
                publishedOn = p.Value?.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                outlet = p.Value?.Outlet,
            });
            await File.WriteAllTextAsync(predictionsPath, JsonSerializer.Serialize(json, s_json));
        }

        return 0;
    }

    /// <summary>
    /// Runs Mozilla Readability (with jsdom) on the same pages through the Node script in
    /// tests/NewsCorpus.Benchmarks/readability, installed there by <c>npm ci</c>, and prints its row.
    /// </summary>
    private static async Task CompareWithReadabilityAsync(string folder, List<(string Id, string Gold)> pages, TextWriter output, TextWriter error)
    {
        var script = AppSetup.FindUpwards(Path.Combine("tests", "NewsCorpus.Benchmarks", "readability", "extract.js"));
        if (script is null || !Directory.Exists(Path.Combine(Path.GetDirectoryName(script)!, "node_modules")))
        {
            await error.WriteLineAsync("eval-extraction: Readability not run; install it with `npm ci` in tests/NewsCorpus.Benchmarks/readability (needs Node.js).");
            return;
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Path.GetFullPath(folder));
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                await error.WriteLineAsync($"eval-extraction: Readability failed: {await stderr}");
                return;
            }

            using var json = JsonDocument.Parse(await stdout);
            var extracted = json.RootElement.GetProperty("pages");
            var seconds = json.RootElement.GetProperty("seconds").GetDouble();
            var score = Evaluate(pages.Select(p => (p.Gold, extracted.TryGetProperty(p.Id, out var text) ? text.GetString() ?? "" : "")).ToList(), pages.Count / seconds);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| Mozilla Readability (jsdom) | {score.Pages} | {score.Precision:0.000} | {score.Recall:0.000} | {score.F1:0.000} | {score.PagesPerSecond:0.0} |"));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            await error.WriteLineAsync("eval-extraction: Readability not run: `node` is not on the PATH.");
        }
    }

    public static Score Evaluate(IReadOnlyList<(string Gold, string Predicted)> pages, double pagesPerSecond)
    {
        var precisions = new List<double>();
        var recalls = new List<double>();
        foreach (var (gold, predicted) in pages)
        {
            var goldShingles = Shingles(gold);
            var predictedShingles = Shingles(predicted);
            var overlap = 0;
            foreach (var (shingle, count) in predictedShingles)
            {
                overlap += Math.Min(count, goldShingles.GetValueOrDefault(shingle));
            }

            var predictedTotal = predictedShingles.Values.Sum();
            var goldTotal = goldShingles.Values.Sum();
            if (predictedTotal > 0)
            {
                precisions.Add((double)overlap / predictedTotal);
            }

            recalls.Add(goldTotal == 0 ? (predictedTotal == 0 ? 1 : 0) : (double)overlap / goldTotal);
        }

        var precision = precisions.Count == 0 ? 0 : precisions.Average();
        var recall = recalls.Count == 0 ? 0 : recalls.Average();
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(precision, recall, f1, pagesPerSecond, pages.Count);
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Token().Matches(text).Select(m => m.Value).ToList();
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 4 <= tokens.Count; i++)
        {
            var key = string.Join(' ', tokens.Skip(i).Take(4));
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }

        return shingles;
    }
}
