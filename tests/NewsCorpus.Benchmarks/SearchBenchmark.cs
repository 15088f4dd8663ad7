using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Benchmarks;

/// <summary>
/// Server time of typical searches on an ingested corpus: one rare word, a common word, a phrase, a filter
/// plus words, a prefix. Each query runs warm, many times; medians and p95 are reported.
/// </summary>
internal static partial class SearchBenchmark
{
    private const int Runs = 60;

    [GeneratedRegex(@"described the (\w+) talks")]
    private static partial Regex Keyword();

    public static async Task<string> RunAsync(string database)
    {
        await using var services = AppServices.For(database);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
        var search = scope.ServiceProvider.GetRequiredService<SearchService>();
        var articles = await db.Articles.CountAsync();
        var sample = await db.ArticleParagraphs.Where(p => p.Text.Contains("described the")).Select(p => p.Text).FirstOrDefaultAsync() ?? "";
        var rare = Keyword().Match(sample) is { Success: true } m ? m.Groups[1].Value : "kalomiren";
        var outlet = await db.Outlets.OrderBy(o => o.Id).Select(o => o.Name).FirstAsync();

        var queries = new (string Kind, string Query)[]
        {
            ("rare word", rare),
            ("common word", "parliament"),
            ("phrase", "\"foreign troop presence\""),
            ("filter and words", $"outlet:\"{outlet}\" troops resolution"),
            ("prefix", "resolut*"),
        };

        var all = new List<double>();
        var rows = new List<string>();
        foreach (var (kind, text) in queries)
        {
            var query = SearchQuery.Parse(text);
            for (var i = 0; i < 3; i++)
            {
                await search.SearchArticlesAsync(query, SearchService.Relevance, 1, 20, default);
            }

            var times = new List<double>();
            var total = 0;
            for (var i = 0; i < Runs; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                var results = await search.SearchArticlesAsync(query, SearchService.Relevance, 1, 20, default);
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                total = results.Total;
            }

            all.AddRange(times);
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {kind} | `{text.Replace("|", "\\|", StringComparison.Ordinal)}` | {total:N0} | {Latency.Percentile(times, 0.5):0.0} | {Latency.Percentile(times, 0.95):0.0} |"));
        }

        var inv = CultureInfo.InvariantCulture;
        return string.Join('\n', new[]
        {
            $"## Search latency ({AppServices.ProviderName(database)})",
            "",
            "Command: `dotnet run -c Release --project tests/NewsCorpus.Benchmarks -- search --database <corpus.db> --write docs/benchmarks.md`",
            "",
            string.Create(inv, $"Server time of `SearchService` (count, first page of 20 with snippets, outlet/entity/month facets), {Runs} warm runs per query, on {articles:N0} articles."),
            "",
        }.Concat(Latency.QueryTable(rows, all)).Concat(new[]
        {
            "",
            string.Create(inv, $"Target: p95 at most 20 ms on 100,000 articles; measured p95 {Latency.Percentile(all, 0.95):0.0} ms (ratio {Latency.Percentile(all, 0.95) / 20:0.00}). Machine: {Machine.Describe()}; {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC."),
        }));
    }
}
