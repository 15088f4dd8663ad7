using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Cli;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Security;

/// <summary>Files and queries written to hurt: pipes, devices, link loops, script addresses, wrong-typed metadata, costly prefixes.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly CorpusSession _session = new();

    public void Dispose() => _session.Dispose();

    private Task<IngestionReport> IngestAsync(params string[] paths) => _session.IngestAsync(paths);

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task Pipes_devices_and_link_loops_are_reported_and_the_rest_goes_in()
    {
        var folder = Path.Combine(_session.Files.Folder, "hostile");
        _session.Files.Write("hostile/good.txt", ArticleFiles.Story("Council passes budget", "budget"));
        Run("mkfifo", Path.Combine(folder, "pipe.txt"));
        File.CreateSymbolicLink(Path.Combine(folder, "zero.txt"), "/dev/zero");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        _session.Files.Write("hostile/sub/inner.txt", ArticleFiles.Story("Mayor resigns", "resignation"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "sub", "loop"), folder);

        var run = IngestAsync(folder);
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(1))));
        var report = await run;

        Assert.Equal(2, report.Count(FileOutcome.Added));
        Assert.Contains(report.Failures, f => f.Path.EndsWith("pipe.txt", StringComparison.Ordinal) && f.Reason!.Contains("named pipe", StringComparison.Ordinal));
        Assert.Contains(report.Failures, f => f.Path.EndsWith("zero.txt", StringComparison.Ordinal) && f.Reason!.Contains("character device", StringComparison.Ordinal));
        Assert.Single(report.Failures, f => f.Reason!.Contains("symbolic link to a folder already read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_size_limit_counts_the_bytes_read()
    {
        var big = _session.Files.Write("big/huge.txt", "Huge file\n\n" + new string('a', 150_000));
        var failure = Assert.Single((await IngestAsync(big)).Failures);
        Assert.Contains("over the", failure.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<link rel=\"canonical\" href=\"javascript:alert(document.domain)\">")]
    [InlineData("<link rel=\"canonical\" href=\"  JaVaScRiPt:alert(1)\">")]
    [InlineData("<meta property=\"og:url\" content=\"data:text/html,<script>alert(1)</script>\">")]
    public async Task A_script_address_is_never_a_link(string head)
    {
        var path = _session.Files.Write("links/page.html", RealCorpus.RealCorpusTests.Page(head, "Ferry levy passes", "ferry levy"));
        var id = Assert.Single((await IngestAsync(path)).Files).ArticleId;
        var page = await _session.Factory.CreateClient().GetPageAsync($"/Articles/{id}");
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => !a.GetAttribute("href")!.StartsWith('/') && !a.GetAttribute("href")!.StartsWith("http", StringComparison.Ordinal) && !a.GetAttribute("href")!.StartsWith('#'));
    }

    [Fact]
    public async Task A_sidecar_script_address_is_shown_as_text()
    {
        var path = _session.Files.Write("meta/story.txt", ArticleFiles.Story("Council passes budget", "budget"));
        _session.Files.Write("meta/story.txt.meta.json", """{ "url": "javascript:alert(1)" }""");
        var id = Assert.Single((await IngestAsync(path)).Files).ArticleId;
        var page = await _session.Factory.CreateClient().GetPageAsync($"/Articles/{id}");
        Assert.Empty(page.QuerySelectorAll("a[href^='javascript']"));
        Assert.Contains("javascript:alert(1)", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_of_the_wrong_kind_is_a_warning_in_the_summary_and_on_the_ingestion_page()
    {
        _session.Files.Write("typed/sources.json", """{ "*": { "outlet": 42, "date": true }, "b.txt": { "title": ["a"], "date": "not a date" } }""");
        _session.Files.Write("typed/a.txt", ArticleFiles.Story("Council passes budget", "budget"));
        _session.Files.Write("typed/b.txt", ArticleFiles.Story("Mayor resigns", "resignation"));
        _session.Files.Write("typed/c.txt.meta.json", $$"""{ "title": "{{new string('T', 100_000)}}" }""");
        _session.Files.Write("typed/c.txt", ArticleFiles.Story("Bridge closes", "bridge closure"));
        using var text = new StringWriter();
        using var json = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(["ingest", Path.Combine(_session.Files.Folder, "typed")], text, TextWriter.Null, _session.Factory.Settings));
        Assert.Contains("\"outlet\" is a number, not text; ignored", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"title\" is a list, not text; ignored", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("'not a date' is not a date", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("title of 100,000 characters cut", text.ToString(), StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(_session.Files.Folder, "typed", "a.txt"), "\nA late correction was added.\n");
        Assert.Equal(0, await CommandLine.RunAsync(["ingest", "--json", Path.Combine(_session.Files.Folder, "typed")], json, TextWriter.Null, _session.Factory.Settings));
        Assert.Contains("\"warning\": \"metadata \\u0022outlet\\u0022 is a number", json.ToString(), StringComparison.Ordinal);

        await using var scope = _session.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
        Assert.True(await db.Articles.AllAsync(a => a.Title.Length <= 500));
        var page = await _session.Factory.CreateClient().GetPageAsync("/Ingestion");
        Assert.Contains("is true or false, not text; ignored", page.QuerySelector("ul.warnings")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_one_letter_prefixes_answer_quickly_with_a_note()
    {
        var query = Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("a*", 32)));
        using var client = _session.Factory.CreateClient();
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync($"/api/search?q={query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(6)); // twelve seconds before the bound
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("searched once", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_distinct_prefixes_are_capped_and_said_so()
    {
        using var client = _session.Factory.CreateClient();
        var body = await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("mi* pa* go* tr* se* st*"));
        Assert.Contains("Only the first 4 prefixes", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prefix_expands_to_a_bounded_number_of_words_and_says_so()
    {
        var words = Enumerable.Range(0, 80).Select(i => "zq" + (char)('a' + (i / 26)) + (char)('a' + (i % 26)) + "x").ToList();
        _session.Files.Write("prefix/many.txt", "Rare words\n\nThe council listed these codes: " + string.Join(' ', words) + ".\n\nThe codes name the harbour berths.\n");
        await _session.IngestAsync(Path.Combine(_session.Files.Folder, "prefix"));

        using var client = _session.Factory.CreateClient();
        var body = await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("zq*"));
        using var json = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        if (!TestDatabase.IsPostgres)
        {
            Assert.Contains(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("zq* matches more than 50 words", StringComparison.Ordinal));
        }

        using var narrow = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("zqb*")));
        Assert.Equal(1, narrow.RootElement.GetProperty("total").GetInt32());
        Assert.DoesNotContain(narrow.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("matches more than", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_nested_200000_deep_is_ingested_quickly_with_its_text()
    {
        const int depth = 200_000;
        var html = "<html><head><title>Pier closed</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", depth))
            + "<p>The harbour authority closed the northern pier on Monday after inspectors found cracks in three of its concrete pillars, officials said.</p>"
            + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";
        var path = _session.Files.Write("deep/page.html", html);
        var settings = new Dictionary<string, string?>(_session.Factory.Settings) { ["Ingestion:MaxFileBytes"] = "5000000" };
        using var output = new StringWriter();
        var watch = Stopwatch.StartNew();
        var exit = await CommandLine.RunAsync(["ingest", path], output, TextWriter.Null, settings);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(60)); // a few seconds; five minutes before the depth limit
        Assert.Equal(0, exit);
        Assert.Matches(@"added\s+1", output.ToString());
    }
}
