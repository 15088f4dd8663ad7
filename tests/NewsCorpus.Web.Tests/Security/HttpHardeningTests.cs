using System.Net;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Security;

/// <summary>What every response carries and how methods, status pages and page numbers are answered.</summary>
public sealed class HttpHardeningTests : IClassFixture<TestCorpusFactory>
{
    private readonly HttpClient _client;

    public HttpHardeningTests(TestCorpusFactory factory) => _client = factory.CreateClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/Articles/1")]
    [InlineData("/api/articles")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var response = await _client.GetAsync(url);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline' 'unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("TRACE", "/Articles/1")]
    [InlineData("TRACE", "/Entities/1")]
    [InlineData("TRACE", "/Stories/1")]
    [InlineData("PUT", "/Articles")]
    [InlineData("DELETE", "/Quotes")]
    [InlineData("POST", "/Search")]
    public async Task A_method_a_page_does_not_handle_gets_405(string method, string url)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/api/articles")]
    [InlineData("/api/articles/1")]
    [InlineData("/api/search?q=minister")]
    public async Task Head_on_the_api_answers_like_get_without_a_body(string url)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/Status/500")]
    [InlineData("/Status/404")]
    [InlineData("/Error")]
    public async Task Status_pages_opened_directly_are_not_found(string url) =>
        await _client.GetPageAsync(url, HttpStatusCode.NotFound);

    [Theory]
    [InlineData("/api/articles?page=2147483647&pageSize=100")]
    [InlineData("/api/quotes?page=2147483647&pageSize=100")]
    [InlineData("/api/entities?page=2147483647&pageSize=100")]
    [InlineData("/api/stories?page=2147483647&pageSize=100")]
    [InlineData("/api/search?q=minister&page=2147483647&pageSize=100")]
    public async Task A_page_number_past_any_corpus_is_refused_not_wrapped(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/Articles?page=2147483647")]
    [InlineData("/Search?q=minister&page=2147483647")]
    [InlineData("/Stories?page=2147483647")]
    public async Task Pages_clamp_huge_page_numbers(string url) => await _client.GetPageAsync(url);
}
