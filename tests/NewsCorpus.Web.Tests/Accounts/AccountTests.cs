using System.Net;
using System.Net.Http.Json;
using NewsCorpus.Web.Cli;
using NewsCorpus.Web.Tests.Support;

namespace NewsCorpus.Web.Tests.Accounts;

/// <summary>Accounts as an admin and a user meet them: the users verbs, sign-in, lockout, tokens, closed reading.</summary>
public sealed class AccountTests(TestCorpusFactory factory) : IClassFixture<TestCorpusFactory>
{
    private async Task<(int Code, string Output, string Error)> UsersAsync(params string[] args) => await UsersWithInputAsync("", args);

    private async Task<(int Code, string Output, string Error)> UsersWithInputAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(["users", .. args], output, error, factory.Settings, new StringReader(input));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_users_verbs_add_list_make_and_revoke_tokens_and_remove()
    {
        var (code, output, _) = await UsersAsync("add", "--email", "ed@example.org", "--role", "editor");
        Assert.Equal(0, code);
        var password = output.Split("One-time password: ")[1].Trim();
        Assert.True(password.Length >= 12);

        (code, output, _) = await UsersAsync("list");
        Assert.Contains("ed@example.org\tEditor\tactive\t0 token(s)", output, StringComparison.Ordinal);

        (_, var token, _) = await UsersAsync("token", "--email", "ed@example.org");
        token = token.Trim();
        using var client = factory.WithToken(token);
        using var allowed = await client.PatchAsJsonAsync("/api/outlets/999999", new { name = "x" });
        Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode); // signed in as an editor: the outlet is what is missing

        (code, _, _) = await UsersAsync("token", "--email", "ed@example.org", "--revoke");
        Assert.Equal(0, code);
        using var revoked = await client.PatchAsJsonAsync("/api/outlets/999999", new { name = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);

        (code, _, var error) = await UsersAsync("add", "--email", "ed@example.org", "--role", "Reader");
        Assert.Equal(2, code);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        (code, _, error) = await UsersAsync("add", "--email", "x@example.org", "--role", "Owner");
        Assert.Equal(2, code);
        Assert.Contains("Unknown role", error, StringComparison.Ordinal);

        Assert.Equal(0, (await UsersAsync("remove", "--email", "ed@example.org")).Code);
        Assert.DoesNotContain("\ned@example.org\t", "\n" + (await UsersAsync("list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_from_standard_input_signs_in_and_signing_out_ends_the_session()
    {
        var (code, output, _) = await UsersWithInputAsync("Typed-by-the-admin-7\n", "add", "--email", "stdin@example.org", "--role", "Reader", "--password-stdin");
        Assert.Equal(0, code);
        Assert.DoesNotContain("Typed-by-the-admin-7", output, StringComparison.Ordinal);
        using var client = factory.Browser();
        using var signedIn = await client.SubmitAsync("/Account/Login", null, new() { ["Email"] = "stdin@example.org", ["Password"] = "Typed-by-the-admin-7" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var signedOut = await client.SubmitAsync("/", "/Account/Logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.NotNull((await client.GetPageAsync("/")).QuerySelector("a[href='/Account/Login']"));
    }

    [Fact]
    public async Task An_admin_adds_a_user_on_the_users_page_who_signs_in_with_the_password_shown_once()
    {
        await factory.AddUserAsync("page-admin@example.org", "Admin");
        using var admin = await factory.SignedInAsync("page-admin@example.org");
        using var added = await admin.SubmitAsync("/Admin/Users", "/Admin/Users?handler=Add", new() { ["Email"] = "new-editor@example.org", ["Role"] = "Editor" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await admin.GetPageAsync("/Admin/Users");
        var password = page.QuerySelector(".secret")!.TextContent;
        Assert.Contains(page.QuerySelectorAll("td"), td => td.TextContent.Contains("new-editor@example.org", StringComparison.Ordinal));
        Assert.Null((await admin.GetPageAsync("/Admin/Users")).QuerySelector(".secret")); // shown once

        using var user = factory.Browser();
        using var signedIn = await user.SubmitAsync("/Account/Login", null, new() { ["Email"] = "new-editor@example.org", ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.NotNull((await user.GetPageAsync("/")).QuerySelector("a[href='/Audit']"));
    }

    [Fact]
    public async Task Signing_in_sets_a_secure_http_only_cookie_and_shows_the_user()
    {
        await factory.AddUserAsync("reader@example.org", "Reader");
        using var client = factory.Browser();
        using var response = await client.SubmitAsync("/Account/Login", null, new() { ["Email"] = "reader@example.org", ["Password"] = Support.Accounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("NewsCorpus.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var home = await client.GetPageAsync("/");
        Assert.Equal("reader@example.org", home.QuerySelector(".account-name")?.TextContent);
        Assert.Null(home.QuerySelector("a[href='/Audit']")); // a reader corrects nothing
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        await factory.AddUserAsync("locked@example.org", "Editor");
        using var client = factory.Browser();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.SubmitAsync("/Account/Login", null, new() { ["Email"] = "locked@example.org", ["Password"] = "not the password" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await client.SubmitAsync("/Account/Login", null, new() { ["Email"] = "locked@example.org", ["Password"] = Support.Accounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_anonymous_reading_every_page_and_api_asks_for_a_reader()
    {
        await factory.AddUserAsync("closed@example.org", "Reader");
        var token = await factory.TokenAsync("closed@example.org");
        using var closed = factory.WithWebHostBuilder(b => b.UseSetting("Auth:AnonymousRead", "false"));
        using var anonymous = closed.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var page = await anonymous.GetAsync("/Articles");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/articles")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/Account/Login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/css/site.css")).StatusCode);

        using var reader = closed.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        reader.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/articles")).StatusCode);
    }

    [Fact]
    public async Task Changes_beyond_the_limit_are_refused_with_429()
    {
        await factory.AddUserAsync("busy@example.org", "Editor");
        var token = await factory.TokenAsync("busy@example.org");
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Auth:ChangesPerMinute", "2"));
        using var client = limited.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PatchAsJsonAsync("/api/outlets/999999", new { name = "x" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles")).StatusCode); // reading is never limited
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_are_refused_with_429()
    {
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Auth:LoginAttemptsPerMinute", "3"));
        using var client = limited.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.SubmitAsync("/Account/Login", null, new() { ["Email"] = "nobody@example.org", ["Password"] = "guess" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
