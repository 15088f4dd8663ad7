using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Ingestion;

/// <summary>Ingestion into a real SQLite file: idempotence, updates, duplicates, bad input, sidecars, interrupted runs.</summary>
public sealed class IngestionServiceTests : IDisposable
{
    private readonly TestCorpusFactory _factory = new();
    private readonly ArticleFiles _files = new();

    public IngestionServiceTests() => _ = _factory.Services; // start the host: migrate and ingest the seeds

    public void Dispose()
    {
        _factory.Dispose();
        _files.Dispose();
    }

    private async Task<IngestionReport> IngestAsync(params string[] paths) => await IngestAsync(paths, null, default);

    private async Task<IngestionReport> IngestAsync(string[] paths, IProgress<IngestionProgress>? progress, CancellationToken cancellationToken)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IngestionService>().IngestAsync(paths, "test", progress, cancellationToken);
    }

    private async Task<T> QueryAsync<T>(Func<NewsCorpusDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>());
    }

    [Fact]
    public async Task Reingesting_the_seeds_changes_nothing()
    {
        var report = await IngestAsync(_factory.SeedPath);
        Assert.Equal(5, report.Count(FileOutcome.Unchanged));
        Assert.Equal(5, report.Files.Count);
        Assert.Equal(5, await QueryAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task The_same_text_under_another_path_is_a_duplicate_not_a_second_article()
    {
        var seed = Directory.EnumerateFiles(_factory.SeedPath).Order(StringComparer.Ordinal).First();
        var copy = _files.Write("copies/same.txt", File.ReadAllText(seed));
        var report = await IngestAsync(copy);
        var result = Assert.Single(report.Files);
        Assert.Equal(FileOutcome.Duplicate, result.Outcome);
        Assert.Equal(5, await QueryAsync(db => db.Articles.CountAsync()));
        var recorded = await QueryAsync(db => db.IngestionDuplicates.SingleAsync());
        Assert.Equal(copy, recorded.Path);
        Assert.Equal(result.ArticleId, recorded.ArticleId);
    }

    [Fact]
    public async Task Changed_content_at_the_same_path_updates_the_article_in_place()
    {
        var path = _files.Write("council.txt", ArticleFiles.Story("Council passes budget", "budget"));
        var first = Assert.Single((await IngestAsync(path)).Files);
        Assert.Equal(FileOutcome.Added, first.Outcome);

        File.WriteAllText(path, ArticleFiles.Story("Council passes revised budget", "revised budget"));
        var second = Assert.Single((await IngestAsync(path)).Files);
        Assert.Equal(FileOutcome.Updated, second.Outcome);
        Assert.Equal(first.ArticleId, second.ArticleId);

        var article = await QueryAsync(db => db.Articles.Include(a => a.Paragraphs).SingleAsync(a => a.Id == first.ArticleId));
        Assert.Equal("Council passes revised budget", article.Title);
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.All(article.Paragraphs, p => Assert.Contains("revised budget", p.Text, StringComparison.Ordinal));
        Assert.Equal(6, await QueryAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Bad_files_are_reported_and_the_good_ones_in_the_same_run_go_in()
    {
        _files.Write("run/good.txt", ArticleFiles.Story("Port reopens after storm", "port plan"));
        _files.Write("run/legacy.txt", Encoding.Latin1.GetBytes("Caf\u00e9 owners protest rent rise\n\nCaf\u00e9 owners in the old town marched on Monday against a rent rise of 30 per cent, the third in two years.\n")
            .Select(b => b == 0xE9 ? (byte)0xE9 : b).ToArray());
        _files.Write("run/empty.txt", []);
        _files.Write("run/binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        _files.Write("run/huge.txt", new string('a', 200_000));
        _files.Write("run/report.pdf", "%PDF-1.4");
        _files.Write("run/bad-sidecar.txt", ArticleFiles.Story("Bridge closes for repairs", "bridge repair"));
        _files.Write("run/bad-sidecar.txt.meta.json", "{ not json");
        File.CreateSymbolicLink(Path.Combine(_files.Folder, "run", "gone.txt"), Path.Combine(_files.Folder, "missing-target.txt"));

        var report = await IngestAsync(Path.Combine(_files.Folder, "run"), Path.Combine(_files.Folder, "no-such-folder"));

        Assert.Equal(2, report.Count(FileOutcome.Added));
        var reasons = report.Failures.ToDictionary(f => Path.GetFileName(f.Path), f => f.Reason!);
        Assert.Contains("empty", reasons["empty.txt"], StringComparison.Ordinal);
        Assert.Contains("binary", reasons["binary.txt"], StringComparison.Ordinal);
        Assert.Contains("over the", reasons["huge.txt"], StringComparison.Ordinal);
        Assert.Contains("unsupported file type", reasons["report.pdf"], StringComparison.Ordinal);
        Assert.Contains("sidecar", reasons["bad-sidecar.txt"], StringComparison.Ordinal);
        Assert.Contains("cannot read", reasons["gone.txt"], StringComparison.Ordinal);
        Assert.Contains("no such file or folder", reasons["no-such-folder"], StringComparison.Ordinal);
        Assert.Equal(7, reasons.Count);

        var legacy = await QueryAsync(db => db.Articles.Include(a => a.Paragraphs).SingleAsync(a => a.SourcePath.EndsWith("legacy.txt")));
        Assert.Equal("windows-1252", legacy.Encoding);
        Assert.Equal("Café owners protest rent rise", legacy.Title);

        var run = await QueryAsync(db => db.IngestionRuns.Include(r => r.Failures).SingleAsync(r => r.Id == report.RunId));
        Assert.Equal(7, run.Failed);
        Assert.Equal(2, run.Added);
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(7, run.Failures.Count);
    }

    [Fact]
    public async Task Sidecars_give_outlet_title_and_date_and_a_changed_sidecar_updates_the_article()
    {
        _files.Write("courier/sources.json", """{ "*": { "outlet": "Springfield Courier" }, "a.txt": { "title": "Budget approved", "date": "2021-03-09" } }""");
        var a = _files.Write("courier/a.txt", ArticleFiles.Story("Council passes budget", "budget"));
        _files.Write("courier/b.txt", ArticleFiles.Story("Mayor resigns", "resignation"));
        var own = _files.Write("courier/b.txt.meta.json", """{ "outlet": "Evening Star", "author": "Li Wei", "url": "https://example.org/mayor" }""");

        var report = await IngestAsync(Path.Combine(_files.Folder, "courier"));
        Assert.Equal(2, report.Count(FileOutcome.Added));
        Assert.Empty(report.Failures);

        var articles = await QueryAsync(db => db.Articles.Include(x => x.Outlet).Where(x => x.SourcePath.Contains("courier")).OrderBy(x => x.SourcePath).ToListAsync());
        Assert.Equal("Springfield Courier", articles[0].Outlet!.Name);
        Assert.Equal("Budget approved", articles[0].Title);
        Assert.Equal(new DateOnly(2021, 3, 9), articles[0].PublishedOn);
        Assert.Equal("Evening Star", articles[1].Outlet!.Name);
        Assert.Equal("Li Wei", articles[1].Byline);
        Assert.Equal("https://example.org/mayor", articles[1].Url);

        File.WriteAllText(own, """{ "outlet": "Morning Star" }""");
        var again = await IngestAsync(Path.Combine(_files.Folder, "courier"));
        Assert.Equal(FileOutcome.Unchanged, again.Files.Single(f => f.Path == a).Outcome);
        Assert.Equal(FileOutcome.Updated, again.Files.Single(f => f.Path != a).Outcome);
    }

    [Fact]
    public async Task Files_of_one_outlet_in_one_run_join_the_stored_outlet_and_a_readable_name_replaces_its_handle()
    {
        _files.Write("watch1/a.txt", ArticleFiles.Story("Ferry timetable cut", "ferry"));
        _files.Write("watch1/a.txt.meta.json", """{ "outlet": "@harbourwatch" }""");
        await IngestAsync(Path.Combine(_files.Folder, "watch1"));

        foreach (var (file, outlet) in new[] { ("b", "@harbourwatch"), ("c", "@harbourwatch"), ("d", "Harbour Watch"), ("e", "@harbourwatch") })
        {
            _files.Write($"watch2/{file}.txt", ArticleFiles.Story($"Harbour story {file}", $"harbour {file}"));
            _files.Write($"watch2/{file}.txt.meta.json", $$"""{ "outlet": "{{outlet}}" }""");
        }

        var report = await IngestAsync(Path.Combine(_files.Folder, "watch2"));
        Assert.Equal(4, report.Count(FileOutcome.Added));

        var outlets = await QueryAsync(db => db.Articles.Where(a => a.SourcePath.Contains("watch")).Select(a => a.Outlet!.Name).Distinct().ToListAsync());
        Assert.Equal(["Harbour Watch"], outlets);
        Assert.Equal(1, await QueryAsync(db => db.Outlets.CountAsync(o => o.NormalizedName == "harbourwatch")));
    }

    [Fact]
    public async Task Control_characters_escaped_in_metadata_are_dropped_not_stored()
    {
        // JSON may carry "\u0000": PostgreSQL refuses NUL in text, and no title or byline means one.
        var path = _files.Write("controls/a.txt", ArticleFiles.Story("Harbour crane ordered", "crane order"));
        _files.Write("controls/a.txt.meta.json", """{ "title": "Crane\u0000 ordered\u0007", "outlet": "Port\u0000News", "author": "\u0000" }""");

        var report = await IngestAsync(path);

        Assert.Equal(FileOutcome.Added, Assert.Single(report.Files).Outcome);
        var article = await QueryAsync(db => db.Articles.Include(x => x.Outlet).SingleAsync(x => x.SourcePath == path));
        Assert.Equal("Crane  ordered", article.Title);
        Assert.Equal("Port News", article.Outlet!.Name);
        Assert.DoesNotContain('\0', article.Byline ?? "");
    }

    [Fact]
    public async Task An_interrupted_run_leaves_whole_articles_and_a_rerun_completes_it()
    {
        const int Files = 100;
        for (var i = 0; i < Files; i++)
        {
            _files.Write($"batch/{i}.txt", ArticleFiles.Story($"Event number {i} makes the news", $"measure {i}"));
        }

        // Stopped as soon as the first files are stored (files go in blocks, each block in one transaction).
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Done > 0 && p.Done < p.Total)
            {
                cancel.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => IngestAsync([Path.Combine(_files.Folder, "batch")], progress, cancel.Token));
        var partial = await QueryAsync(db => db.Articles.CountAsync(a => a.SourcePath.Contains("batch")));
        Assert.InRange(partial, 1, Files - 1);

        var rerun = await IngestAsync(Path.Combine(_files.Folder, "batch"));
        Assert.Equal(partial, rerun.Count(FileOutcome.Unchanged));
        Assert.Equal(Files - partial, rerun.Count(FileOutcome.Added));
        var paragraphCounts = await QueryAsync(db => db.Articles.Where(a => a.SourcePath.Contains("batch")).Select(a => a.Paragraphs.Count).ToListAsync());
        Assert.Equal(Files, paragraphCounts.Count);
        Assert.All(paragraphCounts, count => Assert.Equal(3, count));
    }

    [Fact]
    public async Task Markup_in_an_article_is_shown_as_text_never_run()
    {
        var path = _files.Write("markup.txt", "Hackers post <script>alert('x')</script> on council site\n\n" +
            "The council said the page showing <b>bold</b> claims and <img src=x onerror=alert(1)> tags was taken down on Monday after complaints.\n");
        var id = Assert.Single((await IngestAsync(path)).Files).ArticleId;

        using var client = _factory.CreateClient();
        var html = await client.GetStringAsync($"/Articles/{id}");
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        var document = await client.GetPageAsync($"/Articles/{id}");
        Assert.Equal("Hackers post <script>alert('x')</script> on council site", document.QuerySelector("h1")!.TextContent);
        Assert.Contains("<img src=x onerror=alert(1)>", document.QuerySelector(".story p")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("main script, main img, .story b"));
    }

    [Fact]
    public async Task Saved_web_pages_go_through_the_same_pipeline_as_text()
    {
        var path = _files.Write("pages/budget.html", """
            <html lang="en"><head><meta charset="utf-8"><title>Budget passes | Harbour Gazette</title>
            <meta property="og:site_name" content="Harbour Gazette"><meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2021-03-09T10:00:00Z"></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>Council passes harbour budget</h1>
            <p>The city council approved the harbour budget on Tuesday after a six-hour debate, with nine votes in favour.</p>
            <p>"It is a good day for the port," said Mayor Lindiwe Dube, who had campaigned for the dredging plan for years.</p>
            </article><footer>© 2021 Harbour Gazette. All rights reserved.</footer></body></html>
            """);
        var result = Assert.Single((await IngestAsync(path)).Files);
        Assert.Equal(FileOutcome.Added, result.Outcome);

        var article = await QueryAsync(db => db.Articles.Include(a => a.Outlet).Include(a => a.Paragraphs).Include(a => a.Quotes).SingleAsync(a => a.Id == result.ArticleId));
        Assert.Equal("Council passes harbour budget", article.Title);
        Assert.Equal("Harbour Gazette", article.Outlet!.Name);
        Assert.Equal("Jane Doe", article.Byline);
        Assert.Equal(new DateOnly(2021, 3, 9), article.PublishedOn);
        Assert.Equal(2, article.Paragraphs.Count);
        var quote = Assert.Single(article.Quotes);
        Assert.StartsWith("It is a good day for the port", quote.Text, StringComparison.Ordinal);
        var speaker = await QueryAsync(db => db.Entities.SingleAsync(e => e.Id == quote.SpeakerEntityId));
        Assert.Equal("Lindiwe Dube", speaker.Name);

        using var client = _factory.CreateClient();
        var search = await client.GetStringAsync("/api/search?q=dredging");
        Assert.Contains("Council passes harbour budget", search, StringComparison.Ordinal);

        var empty = _files.Write("pages/empty.html", "<html><body><script>var x = 1;</script></body></html>");
        Assert.Contains("no article text", Assert.Single((await IngestAsync(empty)).Files).Reason, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(Action<IngestionProgress> report) : IProgress<IngestionProgress>
    {
        public void Report(IngestionProgress value) => report(value);
    }
}
