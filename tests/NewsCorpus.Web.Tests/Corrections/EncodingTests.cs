using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Corrections;

/// <summary>Script and markup typed into every editable field come back as text on every page that shows it.</summary>
public sealed class EncodingTests(TestCorpusFactory factory) : IClassFixture<TestCorpusFactory>
{
    private const string Hostile = "<script>alert(1)</script><b>bold</b>";

    [Fact]
    public async Task Markup_in_every_corrected_field_is_encoded_on_every_page()
    {
        using var editor = await factory.EditorClientAsync("encoding@example.org");
        var articles = (await editor.GetFromJsonAsync<JsonElement>("/api/articles?pageSize=100")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ToList();
        var person = (await editor.GetFromJsonAsync<JsonElement>("/api/entities?type=Person&pageSize=1")).GetProperty("items")[0].GetProperty("id").GetInt32();
        var quotes = (await editor.GetFromJsonAsync<JsonElement>("/api/quotes?pageSize=2")).GetProperty("items").EnumerateArray().Select(q => q.GetProperty("id").GetInt32()).ToList();

        await Ok(editor.PatchAsJsonAsync($"/api/articles/{articles[0]}", new { title = "Title " + Hostile, byline = "By " + Hostile, wireOrigin = "Wire " + Hostile, outlet = "Outlet " + Hostile }));
        await Ok(editor.PatchAsJsonAsync($"/api/entities/{person}", new { name = "Person " + Hostile }));
        await Ok(editor.PatchAsJsonAsync($"/api/quotes/{quotes[0]}", new { speakerDescription = "a speaker " + Hostile }));
        await Ok(editor.PatchAsJsonAsync($"/api/quotes/{quotes[1]}", new { speakerEntityId = person }));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsCorpus.Web.Data.NewsCorpusDbContext>();
            var outlet = db.Articles.Where(a => a.Id == articles[1] && a.OutletId != null).Select(a => a.OutletId).FirstOrDefault() ?? db.Outlets.First().Id;
            await Ok(editor.PatchAsJsonAsync($"/api/outlets/{outlet}", new { name = "Renamed " + Hostile }));
        }

        using var browser = await factory.SignedInAsync("encoding@example.org");
        var pages = new List<string> { "/", "/Articles", "/Entities", "/Entities?type=Person", $"/Entities/{person}", "/Quotes", "/Quotes?speaker=Person", "/Stories", "/Ingestion",
            "/Search?q=bold", "/Search?q=bold&tab=quotes", "/Audit", $"/Corrections/Entity/{person}", $"/Corrections/Article/{articles[0]}", $"/Corrections/Quote/{quotes[0]}",
            $"/Compare?articles={string.Join(',', articles.Take(3))}" };
        pages.AddRange(articles.Select(id => $"/Articles/{id}"));
        var shown = 0;
        foreach (var url in pages)
        {
            using var response = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.False(html.Contains("<script>alert", StringComparison.Ordinal), $"{url} renders the script");
            Assert.False(html.Contains("<b>bold</b>", StringComparison.Ordinal), $"{url} renders the markup");
            shown += html.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(shown >= 8, $"The typed text was shown (encoded) on only {shown} pages.");
    }

    private static async Task Ok(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
