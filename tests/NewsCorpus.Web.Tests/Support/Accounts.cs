using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Accounts;

namespace NewsCorpus.Web.Tests.Support;

/// <summary>Users, tokens and signed-in browsers for tests, made the way an admin makes them.</summary>
public static class Accounts
{
    public const string Password = "Correct-horse-battery-9";

    public static async Task AddUserAsync(this TestCorpusFactory factory, string email, string role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (made, errors) = await scope.ServiceProvider.GetRequiredService<UserAdmin>().AddAsync(email, role, Password, CancellationToken.None);
        Assert.True(made is not null, string.Join(" ", errors));
    }

    public static async Task<string> TokenAsync(this TestCorpusFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserAdmin>().NewTokenAsync(email, CancellationToken.None))!;
    }

    /// <summary>A new editor's API client, with their token.</summary>
    public static async Task<HttpClient> EditorClientAsync(this TestCorpusFactory factory, string email)
    {
        await factory.AddUserAsync(email, "Editor");
        return factory.WithToken(await factory.TokenAsync(email));
    }

    /// <summary>A client over HTTPS (the sign-in cookie is secure-only) that keeps cookies and shows redirects.</summary>
    public static HttpClient Browser(this TestCorpusFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    public static HttpClient WithToken(this TestCorpusFactory factory, string token)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<HttpClient> SignedInAsync(this TestCorpusFactory factory, string email)
    {
        var client = factory.Browser();
        using var response = await client.SubmitAsync("/Account/Login", null, new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// Opens <paramref name="page"/>, takes the antiforgery token from its first form, and posts <paramref name="fields"/>
    /// to <paramref name="action"/> (the page itself when null) as a browser would.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string page, string? action, Dictionary<string, string> fields, bool withAntiforgery = true)
    {
        var html = await client.GetStringAsync(page);
        var document = await new HtmlParser().ParseDocumentAsync(html);
        var token = document.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")?.GetAttribute("value");
        if (withAntiforgery && token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(fields));
    }
}
