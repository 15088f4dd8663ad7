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

    public static string Run(int count, string folder, bool reuse)
    {
        var inv = CultureInfo.InvariantCulture;
        using var analyzer = new SearchAnalyzer();
        var outlets = new Dictionary<string, int>(StringComparer.Ordinal);
        var outletOf = new int[count + 1];
        var monthOf = new int[count + 1];
        var indexing = Stopwatch.StartNew();
        var facetFile = Path.Combine(folder, "benchmark-facets.bin");
        if (reuse && File.Exists(facetFile))
        {
            // An index this command built before: its outlet and month of each article were saved beside it.
            using var input = new BinaryReader(File.OpenRead(facetFile));
            for (var i = 0; i <= count; i++)
            {
                (outletOf[i], monthOf[i]) = (input.ReadInt32(), input.ReadInt32());
            }

            outlets["Daily Ledger"] = input.ReadInt32();
        }
        else
        {
            Build(count, folder, analyzer, outlets, outletOf, monthOf);
            using var output = new BinaryWriter(File.Create(facetFile));
            for (var i = 0; i <= count; i++)
            {
                output.Write(outletOf[i]);
                output.Write(monthOf[i]);
            }

            output.Write(outlets.GetValueOrDefault("Daily Ledger"));
        }

        var indexSeconds = indexing.Elapsed.TotalSeconds;
        return Measure(count, folder, analyzer, outletOf, monthOf, outlets, indexSeconds, reuse);
    }

    private static void Build(int count, string folder, SearchAnalyzer analyzer, Dictionary<string, int> outlets, int[] outletOf, int[] monthOf)
    {
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
    }

    private static string Measure(int count, string folder, SearchAnalyzer analyzer, int[] outletOf, int[] monthOf, Dictionary<string, int> outlets, double indexSeconds, bool reused)
    {
        var inv = CultureInfo.InvariantCulture;
        var bytes = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);
        using var reader = DirectoryReader.Open(FSDirectory.Open(folder));
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var facts = new Facts(outletOf, monthOf, Entities(count));
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
                total = Search(searcher, analyzer, SearchQuery.Parse(text), facts, outlets.GetValueOrDefault("Daily Ledger"));
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
            string.Create(inv, $"{count:N0} generated articles indexed straight into Lucene with the app's documents and analyzer{(reused ? " (an index this command built earlier, reused)" : $" in {indexSeconds:0} s ({count / indexSeconds:N0} articles/s, {Environment.ProcessorCount} threads")}; {bytes / 1048576.0:0} MB including a stored copy of each body for snippets). No database and no quotes: each search is the app's query building, collection of every hit, outlet, month and entity facets counted over arrays (15 entities per article out of 3,500, drawn at random: the text is not analysed here), and snippets for the first 20 hits; {Runs} warm runs per query."),
            "",
        }.Concat(Latency.QueryTable(rows, all)).Concat(new[]
        {
            "",
            string.Create(inv, $"Target at 1,000,000 articles: p95 at most 100 ms; measured p95 {Latency.Percentile(all, 0.95):0.0} ms on {count:N0}. Machine: {Machine.Describe()}; {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC."),
        }));
    }

    /// <summary>Each article's outlet, month and entities as numbers, as the app's facet index holds them.</summary>
    private sealed record Facts(int[] OutletOf, int[] MonthOf, int[][] EntitiesOf)
    {
        public FacetCounter Counter { get; } = new(OutletOf, 64, MonthOf, (2030 * 12) + 1, EntitiesOf, EntityCount);
    }

    // The generated text is not analysed here, so each article gets 15 entities out of 3,500 (what the 100,000-article
    // database resolved), drawn from its id: the entity facet then costs what it costs in the app.
    private static int[][] Entities(int count)
    {
        var entities = new int[count + 1][];
        for (var id = 0; id <= count; id++)
        {
            var random = new Random(id);
            entities[id] = [.. Enumerable.Range(0, 15).Select(_ => random.Next(EntityCount))];
        }

        return entities;
    }

    private const int EntityCount = 3500;

    private static int Search(IndexSearcher searcher, SearchAnalyzer analyzer, SearchQuery query, Facts facts, int outlet)
    {
        var fields = IndexQuery.ArticleFields;
        var prefixes = PrefixExpansion.Expand(searcher.IndexReader, query, [.. fields.Select(f => f.Name)], []);
        var words = new IndexQuery(analyzer, fields, prefixes);
        var text = words.Text(query);
        Query[] filters = query.Outlet is null ? [] : [new TermQuery(new Term(SearchFields.Outlet, SearchDocuments.Key(outlet)))];
        var hits = IndexHits.Collect(searcher, words.Build(text, query, SearchFields.ArticleKind, filters), false, 0, 20, true);
        // Outlet, month and entity counts with the app's own counter (ArticleFacetIndex holds the same arrays).
        using var all = hits.All!;
        facts.Counter.Count(all.Ids);

        // The page's bodies by article id (the app reads them from the database), then snippets.
        foreach (var (id, _) in hits.Page)
        {
            var found = searcher.Search(new TermQuery(new Term(SearchFields.Article, SearchDocuments.Key(id))), 1).ScoreDocs;
            var body = found.Length == 0 ? "" : searcher.Doc(found[0].Doc).Get("stored-body", CultureInfo.InvariantCulture) ?? "";
            Snippets.Best(analyzer, text, body);
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
