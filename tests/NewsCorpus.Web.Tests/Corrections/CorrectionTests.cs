using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsCorpus.Web.Cli;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Corrections;

/// <summary>Corrections through the API and the pages: applied, listed in the audit log, kept through reanalyze, undone.</summary>
public sealed class CorrectionTests(TestCorpusFactory factory) : IClassFixture<TestCorpusFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpClient client, string url) => await client.GetFromJsonAsync<JsonElement>(url);

    private static async Task<JsonElement[]> PeopleAsync(HttpClient client) =>
        [.. (await JsonAsync(client, "/api/entities?type=Person&pageSize=100")).GetProperty("items").EnumerateArray()];

    private async Task ReanalyzeAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(["reanalyze"], output, error, factory.Settings));
    }

    [Fact]
    public async Task A_renamed_entity_keeps_its_name_through_reanalyze_and_undo_puts_the_old_one_back()
    {
        using var editor = await factory.EditorClientAsync("rename@example.org");
        var person = (await PeopleAsync(editor)).OrderByDescending(p => p.GetProperty("mentionCount").GetInt32()).First();
        var id = person.GetProperty("id").GetInt32();
        var oldName = person.GetProperty("name").GetString()!;

        using var renamed = await editor.PatchAsJsonAsync($"/api/entities/{id}", new { name = "Corrected Name" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var correctionId = (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        await ReanalyzeAsync();
        var after = await PeopleAsync(editor);
        Assert.Contains(after, p => p.GetProperty("name").GetString() == "Corrected Name");
        Assert.DoesNotContain(after, p => p.GetProperty("name").GetString() == oldName);

        var audit = await JsonAsync(editor, "/api/audit");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), c => c.GetProperty("createdBy").GetString() == "rename@example.org" && c.GetProperty("kind").GetString() == "EntityRenamed");

        using var undone = await editor.PostAsync($"/api/audit/{correctionId}/undo", null);
        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        Assert.Contains(await PeopleAsync(editor), p => p.GetProperty("name").GetString() == oldName);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsync($"/api/audit/{correctionId}/undo", null)).StatusCode);
    }

    [Fact]
    public async Task Two_editors_changing_one_entity_at_once_the_second_gets_a_conflict()
    {
        using var first = await factory.EditorClientAsync("first@example.org");
        using var second = await factory.EditorClientAsync("second@example.org");
        var person = (await PeopleAsync(first)).Last();
        var id = person.GetProperty("id").GetInt32();
        using var page = await (await factory.SignedInAsync("first@example.org")).GetAsync($"/Corrections/Entity/{id}");
        var version = int.Parse(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync())
            .QuerySelector("input[name=version]")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);

        using var one = await first.PatchAsJsonAsync($"/api/entities/{id}", new { name = "Name From First", version });
        using var two = await second.PatchAsJsonAsync($"/api/entities/{id}", new { name = "Name From Second", version });
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, two.StatusCode);
        Assert.Contains("changed by someone else", await two.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", two.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Merged_people_stay_merged_through_reanalyze_and_split_apart_on_undo()
    {
        using var editor = await factory.EditorClientAsync("merge@example.org");
        var people = (await PeopleAsync(editor)).OrderByDescending(p => p.GetProperty("mentionCount").GetInt32()).Take(2).ToArray();
        var (keep, gone) = (people[0], people[1]);
        var goneName = gone.GetProperty("name").GetString()!;
        using var merged = await editor.PostAsJsonAsync($"/api/entities/{gone.GetProperty("id").GetInt32()}/merge", new { into = keep.GetProperty("id").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var correctionId = (await merged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        await ReanalyzeAsync();
        var kept = (await PeopleAsync(editor)).Single(p => p.GetProperty("name").GetString() == keep.GetProperty("name").GetString());
        // Every name the merged entity went by is now one of the kept entity's (its own name may be an editor's, not one seen in text).
        var keptAliases = kept.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.All(gone.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()), alias => Assert.Contains(alias, keptAliases));
        Assert.DoesNotContain(await PeopleAsync(editor), p => p.GetProperty("name").GetString() == goneName);

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/audit/{correctionId}/undo", null)).StatusCode);
        Assert.Contains(await PeopleAsync(editor), p => p.GetProperty("name").GetString() == goneName);
    }

    [Fact]
    public async Task Article_fields_change_and_markup_typed_into_them_comes_back_encoded()
    {
        using var editor = await factory.EditorClientAsync("article@example.org");
        var article = (await JsonAsync(editor, "/api/articles?pageSize=1")).GetProperty("items")[0];
        var id = article.GetProperty("id").GetInt32();
        const string Hostile = "<script>alert(1)</script><b>bold</b>";
        using var patched = await editor.PatchAsJsonAsync($"/api/articles/{id}", new { title = Hostile, byline = Hostile, wireOrigin = Hostile, outlet = "Outlet " + Hostile });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        using var browser = factory.CreateClient();
        foreach (var url in new[] { $"/Articles/{id}", "/Articles", "/Search?q=bold" })
        {
            var html = await browser.GetStringAsync(url);
            Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        }

        var page = await browser.GetPageAsync($"/Articles/{id}");
        Assert.Contains(Hostile, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        await ReanalyzeAsync();
        Assert.Equal(Hostile, (await JsonAsync(editor, $"/api/articles/{id}")).GetProperty("title").GetString());
        using var signedIn = await factory.SignedInAsync("article@example.org");
        var audit = await signedIn.GetStringAsync("/Audit");
        Assert.DoesNotContain("<script>alert(1)", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_article_stays_out_after_ingesting_its_file_again_until_undone()
    {
        using var editor = await factory.EditorClientAsync("delete@example.org");
        var total = (await JsonAsync(editor, "/api/articles")).GetProperty("total").GetInt32();
        var id = (await JsonAsync(editor, "/api/articles?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetInt32();
        using var deleted = await editor.DeleteAsync($"/api/articles/{id}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/api/articles/{id}")).StatusCode);

        using var output = new StringWriter();
        using var error = new StringWriter();
        await CommandLine.RunAsync(["ingest", factory.SeedPath], output, error, factory.Settings);
        Assert.Equal(total - 1, (await JsonAsync(editor, "/api/articles")).GetProperty("total").GetInt32());

        var correctionId = (await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/audit/{correctionId}/undo", null)).StatusCode);
        Assert.Equal(total, (await JsonAsync(editor, "/api/articles")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_quote_given_to_another_speaker_keeps_them_through_reanalyze()
    {
        using var editor = await factory.EditorClientAsync("quote@example.org");
        var quote = (await JsonAsync(editor, "/api/quotes?pageSize=1")).GetProperty("items")[0];
        var current = quote.GetProperty("speaker") is { ValueKind: JsonValueKind.Object } said ? said.GetProperty("id").GetInt32() : 0;
        var speaker = (await PeopleAsync(editor)).First(p => p.GetProperty("id").GetInt32() != current);
        using var patched = await editor.PatchAsJsonAsync($"/api/quotes/{quote.GetProperty("id").GetInt32()}", new { speakerEntityId = speaker.GetProperty("id").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        var text = quote.GetProperty("text").GetString()!;
        var before = (await JsonAsync(editor, $"/api/quotes?pageSize=100&speaker={Uri.EscapeDataString(speaker.GetProperty("name").GetString()!)}")).GetProperty("items");
        Assert.Contains(before.EnumerateArray(), q => q.GetProperty("text").GetString() == text);
        await ReanalyzeAsync();
        var quotes = (await JsonAsync(editor, $"/api/quotes?pageSize=100&speaker={Uri.EscapeDataString(speaker.GetProperty("name").GetString()!)}")).GetProperty("items");
        Assert.Contains(quotes.EnumerateArray(), q => q.GetProperty("text").GetString() == text);

        using var unknown = await editor.PatchAsJsonAsync("/api/quotes/999999", new { notAQuote = true });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_editor_corrects_an_entity_from_its_page()
    {
        await factory.AddUserAsync("pages@example.org", "Editor");
        using var browser = await factory.SignedInAsync("pages@example.org");
        using var reader = factory.CreateClient();
        var id = (await PeopleAsync(reader)).First().GetProperty("id").GetInt32();
        var details = await browser.GetPageAsync($"/Entities/{id}");
        Assert.NotNull(details.QuerySelector($"a[href='/Corrections/Entity/{id}']"));

        using var saved = await browser.SubmitAsync($"/Corrections/Entity/{id}", $"/Corrections/Entity/{id}?handler=Edit",
            new() { ["name"] = "Renamed <i>On</i> The Page", ["type"] = "Person", ["version"] = await VersionAsync(browser, id) });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await browser.GetPageAsync($"/Corrections/Entity/{id}");
        Assert.Contains("It is listed in the audit log", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Renamed <i>On</i> The Page", (await reader.GetPageAsync($"/Entities/{id}")).QuerySelector("h1")!.TextContent);

        var audit = await browser.GetPageAsync("/Audit");
        Assert.Contains(audit.QuerySelectorAll("td"), td => td.TextContent.Contains("Renamed <i>On</i> The Page", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_editors_saving_the_same_entity_page_the_second_is_told_to_reload()
    {
        await factory.AddUserAsync("page-one@example.org", "Editor");
        await factory.AddUserAsync("page-two@example.org", "Editor");
        using var one = await factory.SignedInAsync("page-one@example.org");
        using var two = await factory.SignedInAsync("page-two@example.org");
        var id = (await PeopleAsync(factory.CreateClient())).Skip(1).First().GetProperty("id").GetInt32();
        var version = await VersionAsync(one, id); // both opened the page: the same version
        using var first = await one.SubmitAsync($"/Corrections/Entity/{id}", $"/Corrections/Entity/{id}?handler=Edit", new() { ["name"] = "First Editor's Name", ["type"] = "Person", ["version"] = version });
        using var second = await two.SubmitAsync($"/Corrections/Entity/{id}", $"/Corrections/Entity/{id}?handler=Edit", new() { ["name"] = "Second Editor's Name", ["type"] = "Person", ["version"] = version });
        var page = await two.GetPageAsync($"/Corrections/Entity/{id}");
        Assert.Contains("changed by someone else", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("First Editor's Name", page.QuerySelector("input[name=name]")!.GetAttribute("value"));
    }

    private static async Task<string> VersionAsync(HttpClient browser, int id) =>
        (await browser.GetPageAsync($"/Corrections/Entity/{id}")).QuerySelector("input[name=version]")!.GetAttribute("value")!;
}
