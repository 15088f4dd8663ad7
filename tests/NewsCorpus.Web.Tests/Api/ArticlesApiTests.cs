using System.Net;
using System.Text.Json;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Api;

public sealed class ArticlesApiTests(TestCorpusFactory factory) : IClassFixture<TestCorpusFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK, string mediaType = "application/json")
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task List_has_total_and_items_in_the_documented_shape()
    {
        var page = await GetJsonAsync("/api/articles");
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        foreach (var name in new[] { "id", "title", "titleDerived", "outlet", "publishedOn", "byline", "wireOrigin", "sourcePath", "wordCount" })
        {
            Assert.All(items, item => Assert.True(item.TryGetProperty(name, out _), $"missing {name}"));
        }

        var jpost = items.Single(i => i.GetProperty("outlet").GetString() == "The Jerusalem Post");
        Assert.Equal("2020-01-05", jpost.GetProperty("publishedOn").GetString());
        Assert.Equal("Reuters", jpost.GetProperty("wireOrigin").GetString());
        Assert.False(jpost.GetProperty("titleDerived").GetBoolean());
        Assert.EndsWith("002_7bc3c1863784ffd2.txt", jpost.GetProperty("sourcePath").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_filters_by_outlet_and_pages()
    {
        var filtered = await GetJsonAsync("/api/articles?outlet=al-masdar%20news");
        Assert.Equal(1, filtered.GetProperty("total").GetInt32());

        var second = await GetJsonAsync("/api/articles?page=2&pageSize=2");
        Assert.Equal(5, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("items").GetArrayLength());
        var third = await GetJsonAsync("/api/articles?page=3&pageSize=2");
        Assert.Equal(1, third.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Detail_adds_paragraphs_and_removed_blocks()
    {
        var list = await GetJsonAsync("/api/articles?outlet=The%20Jerusalem%20Post");
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt32();
        var detail = await GetJsonAsync($"/api/articles/{id}");
        Assert.Equal(id, detail.GetProperty("id").GetInt32());
        var paragraphs = detail.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.True(paragraphs.Count > 20);
        var removed = detail.GetProperty("removed").EnumerateArray().ToList();
        Assert.Contains(removed, r => r.GetProperty("text").GetString() == "Most Read" && r.GetProperty("reason").GetString()!.Length > 0);
    }

    [Theory]
    [InlineData("/api/articles/999999")]
    [InlineData("/api/articles/abc")]
    public async Task Unknown_article_is_404_problem_json(string url)
    {
        var problem = await GetJsonAsync(url, HttpStatusCode.NotFound, "application/problem+json");
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("title", out _));
    }

    [Theory]
    [InlineData("/api/articles?page=0")]
    [InlineData("/api/articles?pageSize=1000")]
    [InlineData("/api/articles?page=abc")]
    public async Task Bad_paging_is_400_problem_json(string url)
    {
        var problem = await GetJsonAsync(url, HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_api_is_described_in_an_openapi_document_with_its_export_formats()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/articles", "/api/quotes", "/api/entities", "/api/stories", "/api/search", "/api/search/quotes", "/api/compare" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        var format = paths.GetProperty("/api/quotes").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "format");
        Assert.Contains("csv", format.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("jsonl", format.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
