using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsCorpus.Web.Tests.Support;

public static class Html
{
    /// <summary>GETs a page, asserts the status, and parses it as a browser would.</summary>
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}
