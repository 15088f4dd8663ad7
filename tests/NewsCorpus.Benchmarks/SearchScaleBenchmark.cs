using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Benchmarks;

/// <summary>
/// The search engine alone at a size the database benchmarks cannot reach here: generated articles indexed straight
/// into Lucene with the app's own documents and analyzer (no database; no entities or quotes), then the search
/// benchmark's queries run through the app's query building, hit collection, facet counting over arrays and snippets.
/// </summary>
internal static class SearchScaleBenchmark
{
    private const int Runs = 40;

    public static string Run(int count, string folder)
    {
        var inv = CultureInfo.InvariantCulture;
        using var analyzer = new SearchAnalyzer();
        var outlets = new Dictionary<string, int>(StringComparer.Ordinal);
        var outletOf = new int[count + 1];
        var monthOf = new int[count + 1];
        var indexing = Stopwatch.StartNew();
        using (var directory = FSDirectory.Open(folder))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzer.Version, analyzer) { OpenMode = OpenMode.CREATE, Similarity = new BM25Similarity(), RAMBufferSizeMB = 256 }))
        {
            var articles = new CorpusGenerator(42).Articles(count, CorpusGenerator.StoryParagraphs(Repository.Find("seeds")))
                .Select((a, i) => (Id: i + 1, Article: a));
            Parallel.ForEach(articles, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, item =>
            {
                var (title, body, day) = Parse(item.Article.Text);
                int outlet;
                lock (outlets)
                {
                    outlet = outlets.TryGetValue(item.Article.Outlet, out var known) ? known : outlets[item.Article.Outlet] = outlets.Count + 1;
                }

                outletOf[item.Id] = outlet;
                monthOf[item.Id] = (day.Year * 12) + day.Month;
                var document = SearchDocuments.ArticleDocument(new SearchDocuments.ArticleRow(item.Id, title, outlet, day, null), body, [], []);
                document.Add(new StoredField("stored-body", body));
                writer.AddDocument(document);
            });
            writer.Commit();
        }

        var indexSeconds = indexing.Elapsed.TotalSeconds;
        var bytes = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);
        using var reader = DirectoryReader.Open(FSDirectory.Open(folder));
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        // A story's made-up keyword, as the database benchmark picks one: the generator's fixed seed makes it the same each run.
        var rare = new CorpusGenerator(42).Articles(1, CorpusGenerator.StoryParagraphs(Repository.Find("seeds"))).First().Text.Split("described the ")[1].Split(' ')[0];
        var queries = new (string Kind, string Text)[]
        {
            ("rare word", rare),
            ("common word", "parliament"),
            ("phrase", "\"foreign troop presence\""),
            ("filter and words", "outlet:\"Daily Ledger\" troops resolution"),
            ("prefix", "resolut*"),
        };
        var all = new List<double>();
        var rows = new List<string>();
        foreach (var (kind, text) in queries)
        {
            var times = new List<double>();
            var total = 0;
            for (var i = 0; i < Runs + 3; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                total = Search(searcher, analyzer, SearchQuery.Parse(text), outletOf, monthOf, outlets.GetValueOrDefault("Daily Ledger"));
                if (i >= 3)
                {
                    times.Add(stopwatch.Elapsed.TotalMilliseconds);
                }
            }

            all.AddRange(times);
            rows.Add(string.Create(inv, $"| {kind} | `{text}` | {total:N0} | {Latency.Percentile(times, 0.5):0.0} | {Latency.Percentile(times, 0.95):0.0} |"));
        }

        return string.Join('\n', new[]
        {
            "## Search engine at scale (index only)",
            "",
            "Command: `dotnet run -c Release --project tests/NewsCorpus.Benchmarks -- search-scale --articles 1000000 --index <folder> --write docs/benchmarks.md`",
            "",
            string.Create(inv, $"{count:N0} generated articles indexed straight into Lucene with the app's documents and analyzer in {indexSeconds:0} s ({count / indexSeconds:N0} articles/s, {Environment.ProcessorCount} threads; {bytes / 1048576.0:0} MB including a stored copy of each body for snippets). No database, entities or quotes: each search is the app's query building, collection of every hit, outlet and month facets counted over arrays, and snippets for the first 20 hits; {Runs} warm runs per query."),
            "",
            "| query | text | matches | median ms | p95 ms |",
            "| --- | --- | ---: | ---: | ---: |",
        }.Concat(rows).Concat(new[]
        {
            string.Create(inv, $"| all | | | {Latency.Percentile(all, 0.5):0.0} | {Latency.Percentile(all, 0.95):0.0} |"),
            "",
            string.Create(inv, $"Target at 1,000,000 articles: p95 at most 100 ms; measured p95 {Latency.Percentile(all, 0.95):0.0} ms on {count:N0}. Machine: {Machine.Describe()}; {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC."),
        }));
    }

    private static int Search(IndexSearcher searcher, SearchAnalyzer analyzer, SearchQuery query, int[] outletOf, int[] monthOf, int outlet)
    {
        var fields = IndexQuery.ArticleFields;
        var prefixes = PrefixExpansion.Expand(searcher.IndexReader, query, [.. fields.Select(f => f.Name)], []);
        var words = new IndexQuery(analyzer, fields, prefixes);
        var text = words.Text(query);
        Query[] filters = query.Outlet is null ? [] : [new TermQuery(new Term(SearchFields.Outlet, SearchDocuments.Key(outlet)))];
        var hits = IndexHits.Collect(searcher, words.Build(text, query, SearchFields.ArticleKind, filters), false, 0, 20, true);
        var outletCounts = new int[64];
        var monthCounts = new Dictionary<int, int>();
        using var all = hits.All!;
        foreach (var id in all.Ids)
        {
            outletCounts[outletOf[id]]++;
            monthCounts[monthOf[id]] = monthCounts.GetValueOrDefault(monthOf[id]) + 1;
        }

        var top = searcher.Search(words.Build(text, query, SearchFields.ArticleKind, filters), 20);
        foreach (var doc in top.ScoreDocs)
        {
            Snippets.Best(analyzer, text, searcher.Doc(doc.Doc).Get("stored-body", CultureInfo.InvariantCulture) ?? "");
        }

        return hits.Total;
    }

    private static (string Title, string Body, DateOnly Day) Parse(string text)
    {
        var lines = text.Split('\n');
        var day = DateOnly.ParseExact(lines[0].Trim()[5..], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (lines[1], string.Join('\n', lines.Skip(2).Where(l => l.Length > 0)), day);
    }
}
