using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Ingestion;

/// <summary>Uploads from the browser and the API: staged with their limits, ingested in the background, followed to the end.</summary>
public sealed class UploadTests(TestCorpusFactory factory) : IClassFixture<TestCorpusFactory>
{
    private static string Article(string headline, string who) => $"""
        {headline}

        By Ana Lopes

        The harbour authority of Valmora said on Tuesday that {who} would lead the review of the new freight terminal.

        "We will publish every finding," {who} told reporters outside the port offices.

        The terminal, which cost 40 million euros, has been closed since a crane failure in March.
        """;

    private static ByteArrayContent File(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<JsonElement> FinishedAsync(HttpClient client, string statusUrl)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = await client.GetFromJsonAsync<JsonElement>(statusUrl);
            if (status.GetProperty("state").GetString() is "finished" or "failed")
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The upload did not finish in 30 s.");
    }

    [Fact]
    public async Task Files_uploaded_through_the_api_are_ingested_with_the_outlet_and_date_given_for_all()
    {
        using var editor = await factory.EditorClientAsync("upload-api@example.org");
        using var form = new MultipartFormDataContent
        {
            { File(Article("Valmora port review begins", "Marta Quiroga")), "files", "review.txt" },
            { File(Article("Valmora crane inquiry named", "Tomas Ferreira")), "files", "inquiry.txt" },
            { new StringContent("Valmora Daily Courier"), "outlet" },
            { new StringContent("2024-03-05"), "date" },
        };
        using var response = await editor.PostAsync("/api/ingest", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await FinishedAsync(editor, response.Headers.Location!.ToString());
        Assert.Equal("finished", status.GetProperty("state").GetString());
        var files = status.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.Equal("Added", f.GetProperty("outcome").GetString()));

        var article = await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{files[0].GetProperty("articleId").GetInt32()}");
        Assert.Equal("Valmora Daily Courier", article.GetProperty("outlet").GetString());
        Assert.Equal("2024-03-05", article.GetProperty("publishedOn").GetString());
        var runs = await factory.CreateClient().GetPageAsync($"/Ingestion?run={status.GetProperty("runId").GetInt32()}");
        Assert.Contains("upload by upload-api@example.org", runs.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_is_unpacked_with_paths_outside_the_folder_bombs_and_other_files_refused()
    {
        using var editor = await factory.EditorClientAsync("upload-zip@example.org");
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await Write(archive, "news/good.txt", Encoding.UTF8.GetBytes(Article("Valmora terminal to reopen", "Lina Sousa")));
            await Write(archive, "../escaped.txt", Encoding.UTF8.GetBytes(Article("Escaped", "Nobody")));
            await Write(archive, "bomb.txt", new byte[99_000]);
            await Write(archive, "tool.exe", [1, 2, 3]);
            await Write(archive, "empty.txt", []);
        }

        using var form = new MultipartFormDataContent { { new ByteArrayContent(zip.ToArray()), "files", "batch.zip" } };
        using var response = await editor.PostAsync("/api/ingest", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await FinishedAsync(editor, response.Headers.Location!.ToString());

        var refused = status.GetProperty("refused").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("reason").GetString()!);
        Assert.Contains("outside", refused["../escaped.txt"], StringComparison.Ordinal);
        Assert.Contains("zip bomb", refused["bomb.txt"], StringComparison.Ordinal);
        Assert.Contains("not a .txt", refused["tool.exe"], StringComparison.Ordinal);
        var files = status.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("outcome").GetString());
        Assert.Equal("Added", files[Path.Combine("news", "good.txt")]);
        Assert.Equal("Failed", files["empty.txt"]);

        // The run is listed with the file that failed.
        var run = await factory.CreateClient().GetPageAsync($"/Ingestion?run={status.GetProperty("runId").GetInt32()}");
        Assert.Contains("empty.txt", run.QuerySelector(".failures")!.TextContent, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(Path.Combine(factory.Root, "uploads", "escaped.txt")));
        Assert.False(System.IO.File.Exists(Path.Combine(factory.Root, "escaped.txt")));
    }

    [Fact]
    public async Task Bad_uploads_get_a_clear_problem_and_readers_may_not_upload()
    {
        using var editor = await factory.EditorClientAsync("upload-bad@example.org");
        using var mixed = new MultipartFormDataContent
        {
            { new ByteArrayContent([80, 75, 5, 6]), "files", "a.zip" },
            { File("text"), "files", "b.txt" },
        };
        using var response = await editor.PostAsync("/api/ingest", mixed);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        using var notZip = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("not a zip at all")), "files", "c.zip" } };
        using var broken = await editor.PostAsync("/api/ingest", notZip);
        var status = await FinishedAsync(editor, broken.Headers.Location!.ToString());
        Assert.Contains("not a readable zip", status.GetProperty("refused")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);

        await factory.AddUserAsync("upload-reader@example.org", "Reader");
        using var reader = factory.WithToken(await factory.TokenAsync("upload-reader@example.org"));
        using var form = new MultipartFormDataContent { { File("x"), "files", "x.txt" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/ingest", form)).StatusCode);
    }

    [Fact]
    public async Task An_editor_uploads_from_the_page_and_follows_the_run()
    {
        await factory.AddUserAsync("upload-page@example.org", "Editor");
        using var browser = await factory.SignedInAsync("upload-page@example.org");
        var page = await browser.GetPageAsync("/Ingestion/Upload");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.NotNull(page.QuerySelector("label[for=files]"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { File(Article("Valmora harbour fees rise", "Rui Matos")), "files", "fees.html" },
            { new StringContent(""), "outlet" },
            { new StringContent(""), "date" },
        };
        using var posted = await browser.PostAsync("/Ingestion/Upload", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var statusUrl = posted.Headers.Location!.ToString();
        Assert.StartsWith("/Ingestion/Upload/", statusUrl, StringComparison.Ordinal);

        for (var i = 0; i < 300; i++)
        {
            var status = await browser.GetPageAsync(statusUrl);
            if (status.QuerySelector("h1")!.TextContent.Contains("finished", StringComparison.Ordinal))
            {
                Assert.Contains("fees.html: added", status.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
                Assert.NotNull(status.QuerySelector("a[href^='/Ingestion?run=']"));
                Assert.Null(status.QuerySelector("meta[http-equiv=refresh]"));
                return;
            }

            Assert.NotNull(status.QuerySelector("meta[http-equiv=refresh]"));
            await Task.Delay(100);
        }

        Assert.Fail("The upload did not finish in 30 s.");
    }

    private static async Task Write(ZipArchive archive, string name, byte[] bytes)
    {
        await using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        await stream.WriteAsync(bytes);
    }
}
