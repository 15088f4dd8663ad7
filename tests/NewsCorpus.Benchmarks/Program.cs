using System.Diagnostics;
using System.Globalization;
using NewsCorpus.Benchmarks;

// dotnet run -c Release --project tests/NewsCorpus.Benchmarks -- analysis [folder] [--write docs/benchmarks.md]
var verb = args.FirstOrDefault() ?? "analysis";
if (verb == "generate")
{
    // dotnet run -c Release --project tests/NewsCorpus.Benchmarks -- generate --articles 100000 --out /tmp/corpus [--seed 42]
    //   [--from 2025-01-01 --days 7]: stories dated within those days (default: ten years from 2015-01-01).
    var count = int.Parse(Option(args, "--articles") ?? "10000", CultureInfo.InvariantCulture);
    var outFolder = Option(args, "--out") ?? throw new ArgumentException("--out <folder> is required");
    var seed = int.Parse(Option(args, "--seed") ?? "42", CultureInfo.InvariantCulture);
    var from = DateOnly.ParseExact(Option(args, "--from") ?? "2015-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
    var days = int.Parse(Option(args, "--days") ?? "3650", CultureInfo.InvariantCulture);
    var started = Stopwatch.StartNew();
    var bytes = new CorpusGenerator(seed, from, days).Write(outFolder, count, CorpusGenerator.StoryParagraphs(Repository.Find("seeds")));
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

if (verb == "incremental")
{
    // dotnet run -c Release --project tests/NewsCorpus.Benchmarks -- incremental --corpus /tmp/corpus.db [--index /tmp/corpus-index]
    //   --new /tmp/new1k [--rounds 3] [--write docs/benchmarks.md]: the new articles into an empty database and into a copy of the corpus.
    var corpus = Option(args, "--corpus") ?? throw new ArgumentException("--corpus <an SQLite corpus database> is required");
    var index = Option(args, "--index") ?? Path.ChangeExtension(corpus, null) + "-index";
    var newArticles = Option(args, "--new") ?? throw new ArgumentException("--new <folder of new articles> is required");
    var rounds = int.Parse(Option(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
    var report = IncrementalBenchmark.Run(corpus, index, newArticles, rounds);
    Console.WriteLine(report);
    if (Option(args, "--write") is { } target)
    {
        MarkdownReport.Replace(target, $"incremental-{Path.GetFileName(newArticles.TrimEnd('/'))}", report);
    }

    return 0;
}

if (verb == "file-stage")
{
    // dotnet run -c Release --project tests/NewsCorpus.Benchmarks -- file-stage <folder> [--files 2000] [--rounds 3] [--write docs/benchmarks.md]
    var source = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : throw new ArgumentException("file-stage <folder of .txt articles> is required");
    var count = int.Parse(Option(args, "--files") ?? "2000", CultureInfo.InvariantCulture);
    var rounds = int.Parse(Option(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
    var report = await FileStageBenchmark.RunAsync(source, count, rounds);
    Console.WriteLine(report);
    if (Option(args, "--write") is { } target)
    {
        MarkdownReport.Replace(target, "file-stage", report);
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
    Console.Error.WriteLine("usage: analysis [folder-of-.txt-articles] [--write <markdown file>] | generate --articles N --out <folder> [--seed S] [--from YYYY-MM-DD --days D] | search --database <db> [--write <file>] | compare [--write <file>] | pages --database <db> [--write <file>] | export --database <db> [--write <file>] | search-scale --articles N --index <folder> [--write <file>] | incremental --corpus <db> [--index <folder>] --new <folder> [--rounds N] [--write <file>] | file-stage <folder> [--files N] [--rounds N] [--write <file>] (db: an SQLite file or a PostgreSQL connection string)");
    return 2;
}

var writeTo = Option(args, "--write");
var folder = args.Skip(1).Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i] != "--write")).FirstOrDefault() ?? Repository.Find("seeds");
var analysisReport = AnalysisBenchmark.Run(folder);
Console.WriteLine(analysisReport);
if (writeTo is not null)
{
    MarkdownReport.Replace(writeTo, "analysis", analysisReport);
    Console.WriteLine($"wrote {writeTo}");
}

return 0;

static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
