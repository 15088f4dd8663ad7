using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Cli;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Corrections;

/// <summary>The other kinds of correction: split, not a name, not a quote, outlets, and a changed file read again.</summary>
public sealed class MoreCorrectionTests(TestCorpusFactory factory) : IClassFixture<TestCorpusFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpClient client, string url) => await client.GetFromJsonAsync<JsonElement>(url);

    private static async Task<int> CorrectAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(args, output, error, factory.Settings));
    }

    private static async Task<List<JsonElement>> EntitiesAsync(HttpClient client) =>
        [.. (await JsonAsync(client, "/api/entities?pageSize=100")).GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task A_name_split_off_stays_its_own_entity_through_reanalyze_and_goes_back_on_undo()
    {
        using var editor = await factory.EditorClientAsync("split@example.org");
        var entity = (await EntitiesAsync(editor)).First(e => e.GetProperty("aliases").GetArrayLength() >= 2);
        var id = entity.GetProperty("id").GetInt32();
        var alias = entity.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).First(a => a != entity.GetProperty("name").GetString());
        var correction = await CorrectAsync(editor.PostAsJsonAsync($"/api/entities/{id}/split", new { alias }));

        await RunAsync("reanalyze");
        var after = await EntitiesAsync(editor);
        Assert.Contains(after, e => e.GetProperty("name").GetString() == alias && e.GetProperty("aliases").EnumerateArray().All(a => a.GetString() == alias));
        Assert.DoesNotContain(after, e => e.GetProperty("name").GetString() == entity.GetProperty("name").GetString()
            && e.GetProperty("aliases").EnumerateArray().Any(a => a.GetString() == alias));

        await CorrectAsync(editor.PostAsync($"/api/audit/{correction}/undo", null));
        Assert.Contains(await EntitiesAsync(editor), e => e.GetProperty("name").GetString() == entity.GetProperty("name").GetString()
            && e.GetProperty("aliases").EnumerateArray().Any(a => a.GetString() == alias));
    }

    [Fact]
    public async Task Not_a_name_takes_the_mentions_out_for_good_and_undo_brings_them_back()
    {
        using var editor = await factory.EditorClientAsync("notaname@example.org");
        var entity = (await EntitiesAsync(editor)).OrderBy(e => e.GetProperty("mentionCount").GetInt32()).First();
        var name = entity.GetProperty("name").GetString()!;
        var correction = await CorrectAsync(editor.PatchAsJsonAsync($"/api/entities/{entity.GetProperty("id").GetInt32()}", new { notAName = true }));
        Assert.DoesNotContain(await EntitiesAsync(editor), e => e.GetProperty("name").GetString() == name);

        await RunAsync("reanalyze");
        Assert.DoesNotContain(await EntitiesAsync(editor), e => e.GetProperty("name").GetString() == name);

        await CorrectAsync(editor.PostAsync($"/api/audit/{correction}/undo", null));
        var back = (await EntitiesAsync(editor)).Single(e => e.GetProperty("name").GetString() == name);
        Assert.Equal(entity.GetProperty("mentionCount").GetInt32(), back.GetProperty("mentionCount").GetInt32());
    }

    [Fact]
    public async Task Not_a_quote_removes_it_through_reanalyze_and_undo_restores_it()
    {
        using var editor = await factory.EditorClientAsync("notaquote@example.org");
        var total = (await JsonAsync(editor, "/api/quotes")).GetProperty("total").GetInt32();
        var quote = (await JsonAsync(editor, "/api/quotes?pageSize=1")).GetProperty("items")[0];
        var correction = await CorrectAsync(editor.PatchAsJsonAsync($"/api/quotes/{quote.GetProperty("id").GetInt32()}", new { notAQuote = true }));
        await RunAsync("reanalyze");
        Assert.Equal(total - 1, (await JsonAsync(editor, "/api/quotes")).GetProperty("total").GetInt32());

        await CorrectAsync(editor.PostAsync($"/api/audit/{correction}/undo", null));
        var quotes = (await JsonAsync(editor, "/api/quotes?pageSize=100")).GetProperty("items").EnumerateArray();
        Assert.Contains(quotes, q => q.GetProperty("text").GetString() == quote.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_quote_taken_out_of_its_statement_stays_out_through_reanalyze_and_goes_back_on_undo()
    {
        using var editor = await factory.EditorClientAsync("unmerge@example.org");
        var quote = (await JsonAsync(editor, "/api/quotes?pageSize=100")).GetProperty("items").EnumerateArray().First(q => q.GetProperty("clusterId").ValueKind == JsonValueKind.Number);
        var text = quote.GetProperty("text").GetString();
        var correction = await CorrectAsync(editor.PatchAsJsonAsync($"/api/quotes/{quote.GetProperty("id").GetInt32()}", new { unmerge = true }));
        async Task<JsonElement> Current() => (await JsonAsync(editor, "/api/quotes?pageSize=100")).GetProperty("items").EnumerateArray().First(q => q.GetProperty("text").GetString() == text);

        await RunAsync("reanalyze");
        Assert.Equal(JsonValueKind.Null, (await Current()).GetProperty("clusterId").ValueKind);

        await CorrectAsync(editor.PostAsync($"/api/audit/{correction}/undo", null));
        Assert.Equal(JsonValueKind.Number, (await Current()).GetProperty("clusterId").ValueKind);
    }

    [Fact]
    public async Task Merged_outlets_stay_one_after_their_files_are_read_again_and_a_renamed_outlet_keeps_its_name()
    {
        using var editor = await factory.EditorClientAsync("outlets@example.org");
        var outlets = (await JsonAsync(editor, "/api/articles?pageSize=100")).GetProperty("items").EnumerateArray()
            .Select(a => a.GetProperty("outlet").GetString()).OfType<string>().Distinct().ToList();
        Assert.True(outlets.Count >= 2);
        List<int> ids;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsCorpus.Web.Data.NewsCorpusDbContext>();
            ids = [.. outlets.Take(2).Select(name => db.Outlets.Single(o => o.Name == name).Id)];
        }

        var merge = await CorrectAsync(editor.PostAsJsonAsync($"/api/outlets/{ids[1]}/merge", new { into = ids[0] }));
        await CorrectAsync(editor.PatchAsJsonAsync($"/api/outlets/{ids[0]}", new { name = "One Outlet, Renamed" }));

        await RunAsync("reanalyze");
        var names = (await JsonAsync(editor, "/api/articles?pageSize=100")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("outlet").GetString()).ToList();
        Assert.Contains("One Outlet, Renamed", names);
        Assert.DoesNotContain(outlets[1], names);

        await CorrectAsync(editor.PostAsync($"/api/audit/{merge}/undo", null));
        names = [.. (await JsonAsync(editor, "/api/articles?pageSize=100")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("outlet").GetString())];
        Assert.Contains(outlets[1], names);
    }

    [Fact]
    public async Task A_corrected_title_holds_when_the_articles_file_changes_and_is_read_again()
    {
        using var editor = await factory.EditorClientAsync("changed@example.org");
        var article = (await JsonAsync(editor, "/api/articles?pageSize=1")).GetProperty("items")[0];
        var id = article.GetProperty("id").GetInt32();
        await CorrectAsync(editor.PatchAsJsonAsync($"/api/articles/{id}", new { title = "A Title Set By Hand" }));

        var path = (await JsonAsync(editor, $"/api/articles/{id}")).GetProperty("sourcePath").GetString()!;
        await File.AppendAllTextAsync(path, "\n\nA paragraph added to the file after the correction, to change its text.\n");
        await RunAsync("ingest", factory.SeedPath);
        var detail = await JsonAsync(editor, $"/api/articles/{id}");
        Assert.Equal("A Title Set By Hand", detail.GetProperty("title").GetString());
        Assert.Contains(detail.GetProperty("paragraphs").EnumerateArray(), p => p.GetString()!.Contains("added to the file", StringComparison.Ordinal));
    }
}
