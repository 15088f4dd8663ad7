using System.Text.Json;

namespace NewsCorpus.BrowserTests;

/// <summary>axe-core over every page at desktop and phone widths: no serious or critical violation.</summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string s_axe = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");

    private static readonly string[] s_pages =
    [
        "/", "/Articles", "/Articles/1", "/Quotes", "/Quotes?speaker=Abdul%20Mahdi", "/Entities", "/Entities/1", "/Stories", "/Stories/1",
        "/Search?q=iraq", "/Search?q=iraq&tab=quotes", "/Compare?articles=1,2,3", "/Ingestion", "/no-such-page",
    ];

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task No_page_has_a_serious_or_critical_accessibility_violation(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height, bypassCsp: true);
        var found = new List<string>();
        foreach (var url in s_pages)
        {
            await page.GotoAsync(url);
            await page.AddScriptTagAsync(new() { Path = s_axe });
            var violations = await page.EvaluateAsync<JsonElement>(
                """
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + ', ' + v.nodes.length + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))
                """);
            found.AddRange(violations.EnumerateArray().Select(v => $"{url}: {v.GetString()}"));
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
