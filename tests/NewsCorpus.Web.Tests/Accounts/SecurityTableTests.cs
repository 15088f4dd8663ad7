using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Accounts;

/// <summary>
/// Every mutating API route and page handler, asked by each kind of caller: anonymous → 401 (API) or the sign-in page;
/// a reader → 403; an editor's revoked token → 401; an editor's form without its antiforgery token → 400.
/// </summary>
public sealed class SecurityTableTests(TestCorpusFactory factory) : IClassFixture<TestCorpusFactory>
{
    public static TheoryData<string, string> ApiRoutes => new()
    {
        { "PATCH", "/api/articles/1" },
        { "DELETE", "/api/articles/1" },
        { "PATCH", "/api/entities/1" },
        { "POST", "/api/entities/1/merge" },
        { "POST", "/api/entities/1/split" },
        { "PATCH", "/api/quotes/1" },
        { "PATCH", "/api/outlets/1" },
        { "POST", "/api/outlets/1/merge" },
        { "POST", "/api/audit/1/undo" },
        { "GET", "/api/audit" },
        { "POST", "/api/ingest" },
    };

    /// <summary>A page that shows the form, and the handler the form posts to.</summary>
    public static TheoryData<string, string> PageHandlers => new()
    {
        { "/Corrections/Article/1", "/Corrections/Article/1?handler=Edit" },
        { "/Corrections/Article/1", "/Corrections/Article/1?handler=Delete" },
        { "/Corrections/Entity/1", "/Corrections/Entity/1?handler=Edit" },
        { "/Corrections/Entity/1", "/Corrections/Entity/1?handler=Merge" },
        { "/Corrections/Entity/1", "/Corrections/Entity/1?handler=Split" },
        { "/Corrections/Entity/1", "/Corrections/Entity/1?handler=NotAName" },
        { "/Corrections/Quote/1", "/Corrections/Quote/1?handler=Speaker" },
        { "/Corrections/Quote/1", "/Corrections/Quote/1?handler=NotAQuote" },
        { "/Corrections/Quote/1", "/Corrections/Quote/1?handler=Unmerge" },
        { "/Corrections/Outlet/1", "/Corrections/Outlet/1?handler=Rename" },
        { "/Corrections/Outlet/1", "/Corrections/Outlet/1?handler=Merge" },
        { "/Audit", "/Audit?handler=Undo&id=1" },
        { "/Admin/Users", "/Admin/Users?handler=Add" },
        { "/Admin/Users", "/Admin/Users?handler=Remove" },
        { "/Admin/Users", "/Admin/Users?handler=Token" },
        { "/Admin/Users", "/Admin/Users?handler=Role" },
        { "/Admin/Users", "/Admin/Users?handler=Revoke" },
        { "/Ingestion/Upload", "/Ingestion/Upload" },
    };

    [Fact]
    public async Task The_new_pages_carry_the_security_headers_and_no_inline_script()
    {
        await EnsureUsersAsync();
        using var admin = await factory.SignedInAsync("table-admin@example.org");
        await factory.AddUserAsync("table-headers@example.org", "Editor");
        using var editor = await factory.SignedInAsync("table-headers@example.org");
        var quote = (await factory.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/api/quotes?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetInt32();
        var pages = new[] { "/Account/Login", "/Audit", "/Corrections/Entity/1", "/Corrections/Article/1", $"/Corrections/Quote/{quote}", "/Corrections/Outlet/1", "/Ingestion/Upload" };
        foreach (var (client, url) in pages.Select(p => (editor, p)).Append((admin, "/Admin/Users")))
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("script-src 'self'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.All(document.QuerySelectorAll("script"), script => Assert.True(script.HasAttribute("src"), $"{url} has an inline script"));
            Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            Assert.All(document.QuerySelectorAll("form[method=post]"), form => Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]")));
        }
    }

    private static HttpRequestMessage Request(string method, string url) =>
        new(new HttpMethod(method), url) { Content = method == "GET" ? null : JsonContent.Create(new { }) };

    [Theory]
    [MemberData(nameof(ApiRoutes))]
    public async Task Api_mutations_need_an_editors_live_token(string method, string url)
    {
        await EnsureUsersAsync();
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Request(method, url))).StatusCode);

        using var reader = factory.WithToken(await factory.TokenAsync("table-reader@example.org"));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.SendAsync(Request(method, url))).StatusCode);

        // A signed-in editor's cookie is not enough for the API: it takes the token.
        using var cookie = await factory.SignedInAsync("table-editor@example.org");
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.SendAsync(Request(method, url))).StatusCode);

        var token = await factory.TokenAsync("table-revoked@example.org");
        using var revoked = factory.WithToken(token);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NewsCorpus.Web.Accounts.UserAdmin>().RevokeTokensAsync("table-revoked@example.org", CancellationToken.None);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.SendAsync(Request(method, url))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(PageHandlers))]
    public async Task Page_handlers_need_a_signed_in_editor_and_the_antiforgery_token(string page, string handler)
    {
        await EnsureUsersAsync();
        using var anonymous = factory.Browser();
        using var signIn = await anonymous.PostAsync(handler, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/Account/Login", signIn.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var reader = await factory.SignedInAsync("table-reader@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync(handler, new FormUrlEncodedContent([]))).StatusCode);

        var editorName = page.StartsWith("/Admin", StringComparison.Ordinal) ? "table-admin@example.org" : "table-editor@example.org";
        using var editor = await factory.SignedInAsync(editorName);
        using var forged = await editor.SubmitAsync(page, handler, new() { ["version"] = "0" }, withAntiforgery: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    private async Task EnsureUsersAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<NewsCorpus.Web.Accounts.UserAdmin>();
        foreach (var (email, role) in new[] { ("table-reader@example.org", "Reader"), ("table-editor@example.org", "Editor"), ("table-revoked@example.org", "Editor"), ("table-admin@example.org", "Admin") })
        {
            await admin.AddAsync(email, role, Support.Accounts.Password, CancellationToken.None);
        }
    }
}
