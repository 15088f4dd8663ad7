using System.Text.Json;
using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Web.Accounts;

namespace NewsCorpus.BrowserTests;

/// <summary>An editor in a real browser: signs in, corrects an entity, finds it in the audit log, undoes it; the new pages pass axe.</summary>
public sealed class EditingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string s_axe = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");

    private const string Password = "Browser-tests-password-1";

    private async Task<IPage> SignInAsync(string email, string role, int width = 1280, int height = 900, bool bypassCsp = false)
    {
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdmin>().AddAsync(email, role, Password, CancellationToken.None);
        }

        var page = await fixture.NewPageAsync(width, height, bypassCsp);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    [Fact]
    public async Task An_editor_renames_an_entity_sees_it_in_the_audit_log_and_undoes_it()
    {
        var page = await SignInAsync("browser-editor@example.org", "Editor");
        Assert.Equal("browser-editor@example.org", await page.Locator(".account-name").TextContentAsync());

        await page.GotoAsync("/Entities/1");
        var oldName = (await page.Locator("h1").TextContentAsync())!;
        await page.GetByRole(AriaRole.Link, new() { Name = "Correct this entity" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Renamed In The Browser");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Contains("It is listed in the audit log", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "correct-entity.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).First.ClickAsync();
        var row = page.Locator("tr", new() { HasText = "Renamed In The Browser" });
        Assert.Contains("browser-editor@example.org", await row.TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "audit.png"), FullPage = true });
        await row.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        Assert.Contains("Undone", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/Entities/1");
        Assert.Equal(oldName, await page.Locator("h1").TextContentAsync());
    }

    [Fact]
    public async Task An_editor_uploads_a_file_and_watches_its_run_finish()
    {
        var page = await SignInAsync("browser-uploader@example.org", "Editor", 390, 844);
        var file = Path.Combine(Path.GetTempPath(), $"upload-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "Harbour fees rise in Valmora\n\nBy Ana Lopes\n\nThe port authority of Valmora raised its fees on Monday, its director Rui Matos said.\n\n\"The terminal must pay for itself,\" Matos told reporters.\n");
        try
        {
            await page.GotoAsync("/Ingestion");
            await page.GetByRole(AriaRole.Link, new() { Name = "upload files from the browser" }).ClickAsync();
            await page.GetByLabel("Files").SetInputFilesAsync(file);
            await page.GetByLabel("Outlet of all of them (optional)").FillAsync("Valmora Courier");
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload and ingest" }).ClickAsync();
            await page.Locator("h1", new() { HasText = "finished" }).WaitForAsync(new() { Timeout = 60_000 });
            Assert.Contains(": added", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "upload-finished-phone.png"), FullPage = true });
            await page.GetByRole(AriaRole.Link, new() { Name = "open" }).ClickAsync();
            Assert.Equal("Valmora Courier", await page.Locator(".kicker").First.TextContentAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task The_account_and_correction_pages_have_no_serious_accessibility_violation(int width, int height)
    {
        var page = await SignInAsync($"browser-admin-{width}@example.org", "Admin", width, height, bypassCsp: true);
        var found = new List<string>();
        foreach (var url in new[] { "/Account/Login", "/Admin/Users", "/Audit", "/Corrections/Entity/1", "/Corrections/Article/1", "/Corrections/Outlet/1", "/Ingestion/Upload" })
        {
            await page.GotoAsync(url);
            await page.AddScriptTagAsync(new() { Path = s_axe });
            var violations = await page.EvaluateAsync<JsonElement>(
                """
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))
                """);
            found.AddRange(violations.EnumerateArray().Select(v => $"{url}: {v.GetString()}"));
            var sideways = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            if (sideways)
            {
                found.Add($"{url}: scrolls sideways at {width} px");
            }

            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"edit{url.Replace('/', '-')}-{width}.png"), FullPage = true });
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
