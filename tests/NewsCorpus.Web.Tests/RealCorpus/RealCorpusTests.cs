using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.RealCorpus;

/// <summary>What a mixed, real corpus throws at ingestion: bad dates, unreadable stored data, site-name variants, file-name metadata.</summary>
public sealed class RealCorpusTests : IDisposable
{
    private readonly CorpusSession _session = new();

    public void Dispose() => _session.Dispose();

    private Task<IngestionReport> IngestAsync(params string[] paths) => _session.IngestAsync(paths);

    private Task<T> QueryAsync<T>(Func<NewsCorpusDbContext, Task<T>> query) => _session.QueryAsync(query);

    internal static string Page(string head, string headline, string subject) => $$"""
        <html><head><title>{{headline}}</title>{{head}}</head><body><article><h1>{{headline}}</h1>
        <p>The {{subject}} was approved on Tuesday after a long debate in the regional assembly that ran late into the night.</p>
        <p>Officials said the {{subject}} would take effect next month and would affect thousands of residents across the region.</p>
        <p>Critics said the {{subject}} had been rushed through and promised to challenge it in the courts before the summer.</p>
        </article></body></html>
        """;

    private static string JsonLd(string date) => $$"""<script type="application/ld+json">{ "@type": "NewsArticle", "datePublished": "{{date}}" }</script>""";

    [Fact]
    public async Task Pages_with_impossible_dates_go_in_and_every_later_run_still_forms_stories()
    {
        _session.Files.Write("bad/year-one.html", Page(JsonLd("0001-01-01T00:00:00Z"), "Ferry levy passes", "ferry levy"));
        _session.Files.Write("bad/year-9999.html", Page(JsonLd("9999-12-31T00:00:00Z"), "Harbour dredging approved", "harbour dredging plan"));
        _session.Files.Write("bad/epoch.html", Page(JsonLd("1970-01-01T00:00:00Z"), "Bridge tolls rise", "bridge toll increase"));
        _session.Files.Write("bad/broken.html", Page("""<script type="application/ld+json">{ "datePublished": </script>""", "Museum funding cut", "museum funding cut"));
        _session.Files.Write("bad/conflict.html", Page(JsonLd("2020-01-05") + """<meta property="article:published_time" content="2020-03-09">""", "Tram line extended", "tram extension"));
        var first = await IngestAsync(Path.Combine(_session.Files.Folder, "bad"));
        Assert.Equal(5, first.Count(FileOutcome.Added));

        var later = await IngestAsync(_session.Files.Write("later/council.txt", ArticleFiles.Story("Council passes budget", "budget")));
        Assert.Equal(FileOutcome.Added, Assert.Single(later.Files).Outcome);

        Assert.Equal(0, await QueryAsync(db => db.Articles.CountAsync(a => a.StoryId == null)));
        Assert.Equal(0, await QueryAsync(db => db.IngestionRuns.CountAsync(r => r.FinishedAt == null || r.CorpusPending)));
        var yearOne = await QueryAsync(db => db.Articles.SingleAsync(a => a.Title == "Ferry levy passes"));
        Assert.Null(yearOne.PublishedOn);
        Assert.Contains("0001-01-01", yearOne.Warnings, StringComparison.Ordinal);
        var conflict = await QueryAsync(db => db.Articles.SingleAsync(a => a.Title == "Tram line extended"));
        Assert.Equal(new DateOnly(2020, 1, 5), conflict.PublishedOn);
        Assert.Contains("conflicting dates", conflict.Warnings, StringComparison.Ordinal);

        var page = await _session.Factory.CreateClient().GetPageAsync($"/Articles/{yearOne.Id}");
        Assert.Contains("0001-01-01 (JSON-LD datePublished) is before 1800", page.QuerySelector(".warnings")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_a_corpus_pass_cannot_read_is_flagged_and_the_rest_goes_on()
    {
        var story = "Pier closed\n\nHarbour master Tomasz Kowalczyk said the pier would stay closed until the spring.\n\nKowalczyk said repairs would cost more than planned.\n";
        var broken = Assert.Single((await IngestAsync(_session.Files.Write("a/broken.txt", story))).Files).ArticleId!.Value;
        // A row written by another version of the program, not yet resolved: a mention of a type this one does not know.
        await QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"EntityMentions\" SET \"Type\" = 'Spaceship' WHERE \"Id\" = (SELECT min(\"Id\") FROM \"EntityMentions\" WHERE \"ArticleId\" = {0})", broken));
        await QueryAsync(db => db.Articles.Where(a => a.Id == broken).ExecuteUpdateAsync(s => s.SetProperty(a => a.Resolved, false)));

        var report = await IngestAsync(_session.Files.Write("b/ok.txt", "Airport expansion halted\n\nMinister Ingrid Solberg said the airport expansion was halted.\n\nSolberg said the decision was final.\n"));
        var added = Assert.Single(report.Files).ArticleId!.Value;

        Assert.Equal(0, await QueryAsync(db => db.EntityMentions.CountAsync(m => m.ArticleId == added && m.EntityId == null)));
        Assert.NotNull(await QueryAsync(db => db.Articles.Where(a => a.Id == added).Select(a => a.StoryId).SingleAsync()));
        var problem = await QueryAsync(db => db.Articles.Where(a => a.Id == broken).Select(a => a.CorpusProblem).SingleAsync());
        Assert.Contains("entity resolution", problem, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.IngestionRuns.CountAsync(r => r.CorpusPending)));

        using var client = _session.Factory.CreateClient();
        var runs = await client.GetPageAsync("/Ingestion");
        Assert.Contains("entity resolution", runs.QuerySelector("#left-out-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var article = await client.GetPageAsync($"/Articles/{broken}");
        Assert.Contains("Left out of the corpus-wide passes", article.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copies_stored_before_sentence_prints_still_count_and_damaged_prints_are_flagged()
    {
        const string wire = "Pier closed for repairs\n\nThe harbour master said the old pier would stay closed until the spring. " +
            "Engineers found cracks in three of its supports during a routine inspection on Monday. " +
            "Repairs are expected to cost more than the council had set aside.\n";
        var older = Assert.Single((await IngestAsync(_session.Files.Write("w/older.txt", wire))).Files).ArticleId!.Value;
        var damaged = Assert.Single((await IngestAsync(_session.Files.Write("w/damaged.txt", wire + "\nFerries will run as usual.\n"))).Files).ArticleId!.Value;
        // One row as an older version stored it (no prints), one whose prints were damaged; neither has been compared yet.
        await QueryAsync(db => db.Articles.Where(a => a.Id == older).ExecuteUpdateAsync(s => s.SetProperty(a => a.SentencePrints, (byte[]?)null)));
        await QueryAsync(db => db.Articles.Where(a => a.Id == damaged).ExecuteUpdateAsync(s => s.SetProperty(a => a.SentencePrints, new byte[] { 1, 9 })));
        await QueryAsync(db => db.ArticleOverlaps.ExecuteDeleteAsync());
        await QueryAsync(db => db.Articles.ExecuteUpdateAsync(s => s.SetProperty(a => a.StoryId, (int?)null)));

        var copy = Assert.Single((await IngestAsync(_session.Files.Write("w/copy.txt", wire + "\nThe ferry terminal is not affected.\n"))).Files).ArticleId!.Value;

        var overlaps = await QueryAsync(db => db.ArticleOverlaps.Where(o => o.ArticleId == copy).ToListAsync());
        Assert.Equal(3, Assert.Single(overlaps, o => o.OtherArticleId == older).SharedSentences);
        Assert.DoesNotContain(overlaps, o => o.OtherArticleId == damaged);
        var problem = await QueryAsync(db => db.Articles.Where(a => a.Id == damaged).Select(a => a.CorpusProblem).SingleAsync());
        Assert.Contains("shared sentences", problem, StringComparison.Ordinal);
        Assert.NotNull(await QueryAsync(db => db.Articles.Where(a => a.Id == older).Select(a => a.SentencePrints).SingleAsync()));
    }

    [Fact]
    public async Task Articles_stored_without_story_terms_get_them_and_keep_their_story()
    {
        var first = Assert.Single((await IngestAsync(_session.Files.Write("u/first.txt", ArticleFiles.Story("Ferry levy passes", "ferry levy")))).Files).ArticleId!.Value;
        var story = await QueryAsync(db => db.Articles.Where(a => a.Id == first).Select(a => a.StoryId).SingleAsync());
        // As a database from before terms were stored as numbers has them after its migration.
        await QueryAsync(db => db.Articles.Where(a => a.Id == first).ExecuteUpdateAsync(s => s.SetProperty(a => a.StoryTermCounts, (byte[]?)null)));

        var second = Assert.Single((await IngestAsync(_session.Files.Write("u/second.txt", ArticleFiles.Story("Ferry levy passes after long debate", "ferry levy")))).Files).ArticleId!.Value;

        Assert.NotNull(await QueryAsync(db => db.Articles.Where(a => a.Id == first).Select(a => a.StoryTermCounts).SingleAsync()));
        Assert.Equal(story, await QueryAsync(db => db.Articles.Where(a => a.Id == first).Select(a => a.StoryId).SingleAsync()));
        Assert.Equal(story, await QueryAsync(db => db.Articles.Where(a => a.Id == second).Select(a => a.StoryId).SingleAsync()));
    }

    [Fact]
    public async Task Site_name_variants_are_one_outlet_that_answers_to_each_of_its_names()
    {
        const string canonical = """<link rel="canonical" href="https://www.ledger-news.example/a">""";
        _session.Files.Write("o/one.html", Page("""<meta property="og:site_name" content="The Daily Ledger">""", "Ferry levy passes | DailyLedger.com", "ferry levy"));
        _session.Files.Write("o/two.html", Page("""<meta property="og:site_name" content="DailyLedger.com">""" + canonical, "Harbour plan approved", "harbour plan"));
        _session.Files.Write("o/three.html", Page("""<meta property="og:site_name" content="@dailyledger">""", "Bridge tolls rise", "bridge tolls"));
        await IngestAsync(Path.Combine(_session.Files.Folder, "o"));

        var outletIds = await QueryAsync(db => db.Articles.Where(a => a.SourcePath.Contains("/o/")).Select(a => a.OutletId).Distinct().ToListAsync());
        var outlet = await QueryAsync(db => db.Outlets.Include(o => o.Aliases).SingleAsync(o => o.Id == Assert.Single(outletIds)));
        Assert.Equal("The Daily Ledger", outlet.Name);
        Assert.Contains(outlet.Aliases, a => a.Key == "dailyledger");

        using var client = _session.Factory.CreateClient();
        var byAlias = await client.GetStringAsync("/api/articles?outlet=%40dailyledger");
        Assert.Contains("Harbour plan approved", byAlias, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_can_name_outlet_and_date_in_its_file_names()
    {
        _session.Files.Write("named/sources.json", """{ "fileNames": "{outlet}_{date}_{slug}", "outlets": { "ledger": "The Daily Ledger" } }""");
        _session.Files.Write("named/ledger_2016-09-12_ferry-levy-passes.txt", ArticleFiles.Story("Ferry levy passes", "ferry levy"));
        _session.Files.Write("named/gazette_20160913_harbour-plan.txt", ArticleFiles.Story("Harbour plan approved", "harbour plan"));
        await IngestAsync(Path.Combine(_session.Files.Folder, "named"));

        var rows = await QueryAsync(db => db.Articles.Where(a => a.SourcePath.Contains("named"))
            .Select(a => new { a.Title, Outlet = a.Outlet!.Name, a.PublishedOn }).OrderBy(a => a.Title).ToListAsync());
        Assert.Equal(("Ferry levy passes", "The Daily Ledger", new DateOnly(2016, 9, 12)), (rows[0].Title, rows[0].Outlet, rows[0].PublishedOn!.Value));
        Assert.Equal(("gazette", new DateOnly(2016, 9, 13)), (rows[1].Outlet, rows[1].PublishedOn!.Value));
    }
}
