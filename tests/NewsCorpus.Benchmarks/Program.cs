using System.Diagnostics;
using System.Globalization;
using NewsCorpus.Analysis;
using NewsCorpus.Analysis.Articles;
using NewsCorpus.Benchmarks;

// dotnet run -c Release --project tests/NewsCorpus.Benchmarks -- analysis [folder] [--write docs/benchmarks.md]
var verb = args.FirstOrDefault() ?? "analysis";
if (verb == "generate")
{
    // dotnet run -c Release --project tests/NewsCorpus.Benchmarks -- generate --articles 100000 --out /tmp/corpus [--seed 42]
    var count = int.Parse(Option(args, "--articles") ?? "10000", CultureInfo.InvariantCulture);
    var outFolder = Option(args, "--out") ?? throw new ArgumentException("--out <folder> is required");
    var seed = int.Parse(Option(args, "--seed") ?? "42", CultureInfo.InvariantCulture);
    var started = Stopwatch.StartNew();
    var bytes = new CorpusGenerator(seed).Write(outFolder, count, CorpusGenerator.StoryParagraphs(Repository.Find("seeds")));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated {count:N0} articles ({bytes / 1024.0 / 1024.0:0.0} MB) in {outFolder} in {started.Elapsed.TotalSeconds:0.0} s"));
    return 0;
}

if (verb is "search" or "pages")
{
    // Both time the app over a database: an SQLite file or a PostgreSQL connection string, each with its own section.
    var database = Option(args, "--database") ?? throw new ArgumentException("--database <corpus.db or PostgreSQL connection string> is required");
    var report = verb == "search" ? await SearchBenchmark.RunAsync(database) : await PagesBenchmark.RunAsync(database);
    Console.WriteLine(report);
    if (Option(args, "--write") is { } target)
    {
        MarkdownReport.Replace(target, AppServices.Section(verb, database), report);
    }

    return 0;
}

if (verb == "search-scale")
{
    // dotnet run -c Release --project tests/NewsCorpus.Benchmarks -- search-scale --articles 1000000 --index /tmp/index1m [--reuse] [--write docs/benchmarks.md]
    var count = int.Parse(Option(args, "--articles") ?? "1000000", CultureInfo.InvariantCulture);
    var indexFolder = Option(args, "--index") ?? throw new ArgumentException("--index <folder> is required");
    var report = SearchScaleBenchmark.Run(count, indexFolder, args.Contains("--reuse"));
    Console.WriteLine(report);
    if (Option(args, "--write") is { } target)
    {
        MarkdownReport.Replace(target, "search-scale", report);
    }

    return 0;
}

if (verb == "export")
{
    // dotnet run -c Release --project tests/NewsCorpus.Benchmarks -- export --database <db> [--write docs/benchmarks.md]
    var database = Option(args, "--database") ?? throw new ArgumentException("--database <corpus.db or PostgreSQL connection string> is required");
    var report = await ExportBenchmark.RunAsync(database);
    Console.WriteLine(report);
    if (Option(args, "--write") is { } target)
    {
        MarkdownReport.Replace(target, AppServices.Section("export", database), report);
    }

    return 0;
}

if (verb == "compare")
{
    var report = await CompareBenchmark.RunAsync();
    Console.WriteLine(report);
    if (Option(args, "--write") is { } target)
    {
        MarkdownReport.Replace(target, "compare", report);
    }

    return 0;
}

if (verb != "analysis")
{
    Console.Error.WriteLine("usage: analysis [folder-of-.txt-articles] [--write <markdown file>] | generate --articles N --out <folder> [--seed S] | search --database <db> [--write <file>] | compare [--write <file>] | pages --database <db> [--write <file>] | export --database <db> [--write <file>] | search-scale --articles N --index <folder> [--write <file>] (db: an SQLite file or a PostgreSQL connection string)");
    return 2;
}

var writeTo = args.SkipWhile(a => a != "--write").Skip(1).FirstOrDefault();
var folder = args.Skip(1).Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i] != "--write")).FirstOrDefault() ?? Repository.Find("seeds");
var texts = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
    .Select(f => TextDecoder.Decode(File.ReadAllBytes(f)).Text)
    .Where(t => t is not null)
    .Select(t => string.Join("\n\n", PlainTextArticleReader.Read(t!).Paragraphs))
    .ToList();
var words = texts.Sum(TextShape.CountWords);

// One thread, as "per core" means: warm up, then rounds of at least a second each; the median round counts.
foreach (var text in texts)
{
    TextAnalyzer.Analyze(text);
}

var rates = new List<double>();
for (var round = 0; round < 9; round++)
{
    var stopwatch = Stopwatch.StartNew();
    long analysed = 0;
    while (stopwatch.Elapsed < TimeSpan.FromSeconds(1))
    {
        foreach (var text in texts)
        {
            TextAnalyzer.Analyze(text);
        }

        analysed += words;
    }

    rates.Add(analysed / stopwatch.Elapsed.TotalSeconds);
}

rates.Sort();
var median = rates[rates.Count / 2];
var inv = CultureInfo.InvariantCulture;
var summary = string.Create(inv,
    $"Analysis (sentences, entities, quotes) on one thread: median {median:N0} words/s over {rates.Count} rounds (min {rates[0]:N0}, max {rates[^1]:N0}); corpus {texts.Count} articles, {words:N0} words from {folder}");
Console.WriteLine(summary);
if (writeTo is not null)
{
    MarkdownReport.Replace(writeTo, "analysis", string.Join('\n',
        "## Analysis throughput",
        "",
        $"Command: `dotnet run -c Release --project tests/NewsCorpus.Benchmarks -- analysis --write docs/benchmarks.md`",
        "",
        "| measure | value |",
        "| --- | --- |",
        string.Create(inv, $"| median words per second, one thread | {median:N0} |"),
        string.Create(inv, $"| slowest / fastest round | {rates[0]:N0} / {rates[^1]:N0} |"),
        string.Create(inv, $"| target | 300,000 words/s per core (ratio to target: {median / 300_000:0.00}) |"),
        $"| corpus | {texts.Count} articles, {words:N0} words ({Path.GetFileName(folder.TrimEnd('/'))}) |",
        $"| machine | {Machine.Describe()} |",
        $"| measured | {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC |"));
    Console.WriteLine($"wrote {writeTo}");
}

return 0;

static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
