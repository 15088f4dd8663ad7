using System.Net;
using System.Text;
using System.Text.Json;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Exports;

/// <summary>Every list as a download: whole, streamed, with the page's filters, safe to open in a spreadsheet.</summary>
public sealed class ExportTests : IDisposable
{
    private readonly CorpusSession _session = new();

    public void Dispose() => _session.Dispose();

    private HttpClient Client() => _session.Factory.CreateClient();

    [Fact]
    public async Task Articles_download_as_csv_with_a_header_a_row_each_and_no_server_paths()
    {
        using var client = Client();
        using var response = await client.GetAsync("/api/articles?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("articles.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]); // spreadsheet programs read UTF-8 by this mark
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Id,Title,Outlet,PublishedOn", lines[0], StringComparison.Ordinal);
        Assert.Equal(6, lines.Length);
        Assert.DoesNotContain(lines, l => l.Contains(_session.Factory.SeedPath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quotes_download_as_json_lines_with_the_speaker_filter_and_every_match()
    {
        using var client = Client();
        using var paged = JsonDocument.Parse(await client.GetStringAsync("/api/quotes?speaker=Abdul%20Mahdi&pageSize=1"));
        var total = paged.RootElement.GetProperty("total").GetInt32();
        var body = await client.GetStringAsync("/api/quotes?speaker=Abdul%20Mahdi&format=jsonl");
        var rows = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(total, rows.Count);
        Assert.True(total > 1);
        Assert.All(rows, r => Assert.Equal("Adel Abdul Mahdi", r.GetProperty("speaker").GetString()));
        Assert.All(rows, r => Assert.True(r.GetProperty("articleId").GetInt32() > 0));
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_are_defused()
    {
        _session.Files.Write("f/formula.txt", ArticleFiles.Story("Harbour levy passes", "harbour levy"));
        _session.Files.Write("f/formula.txt.meta.json", """{ "title": "=HYPERLINK(\"http://example.org\",\"click\")", "author": "@evil" }""");
        await _session.IngestAsync(Path.Combine(_session.Files.Folder, "f"));
        using var client = Client();
        var csv = await client.GetStringAsync("/api/articles?format=csv");
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal); // CsvHelper prefixes the cell with an apostrophe
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains("'@evil", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/entities?type=person&format=csv", "Id,Name,Type,Aliases,Roles,MentionCount,ArticleCount,OutletCount,QuoteCount,MentionsByOutlet")]
    [InlineData("/api/stories?format=csv", "Id,Title,FirstPublishedOn")]
    [InlineData("/api/search?q=parliament&format=csv", "ArticleId,Title,Outlet,PublishedOn,Score")]
    [InlineData("/api/search/quotes?q=iraq&format=csv", "Id,Text,Partial")]
    public async Task Every_list_api_downloads(string url, string header)
    {
        using var client = Client();
        var csv = (await client.GetStringAsync(url)).TrimStart('\uFEFF');
        Assert.StartsWith(header, csv, StringComparison.Ordinal);
        Assert.True(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length > 1);
    }

    [Fact]
    public async Task An_unknown_format_is_a_problem()
    {
        using var client = Client();
        using var response = await client.GetAsync("/api/articles?format=xml");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Each_list_page_links_its_download_with_its_filters()
    {
        using var client = Client();
        var quotes = await client.GetPageAsync("/Quotes?speaker=Abdul%20Mahdi");
        var links = quotes.QuerySelectorAll(".downloads a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/api/quotes?speaker=Abdul%20Mahdi&format=csv", links);
        Assert.Contains("/api/quotes?speaker=Abdul%20Mahdi&format=jsonl", links);
        foreach (var page in new[] { "/Articles", "/Entities", "/Stories", "/Search?q=parliament" })
        {
            Assert.NotEmpty((await client.GetPageAsync(page)).QuerySelectorAll(".downloads a[href*='format=csv']"));
        }
    }

    [Fact]
    public async Task A_comparison_downloads_in_long_form_with_every_part()
    {
        using var client = Client();
        var ids = (await client.GetStringAsync("/api/articles?format=jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt32()).Take(2).ToList();
        var body = await client.GetStringAsync($"/api/compare?articles={ids[0]},{ids[1]}&format=jsonl");
        var rows = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["alignment", "entity", "figure", "speaker"], rows.Select(r => r.GetProperty("part").GetString()).Distinct().Order());
        Assert.All(rows, r => Assert.Contains(r.GetProperty("articleId").GetInt32(), ids));

        var csv = (await client.GetStringAsync($"/api/compare?articles={ids[0]},{ids[1]}&format=csv")).TrimStart('\uFEFF');
        Assert.StartsWith("Part,RowNumber,Match,Name,Type,ArticleId,Outlet,Value", csv, StringComparison.Ordinal);
        var page = await client.GetPageAsync($"/Compare?articles={ids[0]},{ids[1]}");
        Assert.Contains(page.QuerySelectorAll(".downloads a").Select(a => a.GetAttribute("href")), h => h!.StartsWith("/api/compare?articles=", StringComparison.Ordinal) && h.EndsWith("format=csv", StringComparison.Ordinal));
    }
}
