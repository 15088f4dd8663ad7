using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NewsCorpus.BrowserTests;

/// <summary>What a person sees and does in Chromium: from the overview to an article and back, by mouse, keyboard and phone.</summary>
public sealed class BrowsingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task From_the_overview_a_reader_opens_an_article_and_sees_its_title_and_paragraphs()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("The corpus at a glance", await page.Locator("h1").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "home.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Browse all articles" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Articles");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "articles.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Iraq calls for foreign forces to leave after US killing of Iran commander" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Iraq calls for foreign forces to leave after US killing of Iran commander");
        var paragraphs = page.Locator(".story p");
        Assert.True(await paragraphs.CountAsync() > 20);
        Assert.StartsWith("Iraq's parliament called on Sunday", await paragraphs.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await paragraphs.First.IsVisibleAsync());

        // The removed boilerplate is there to check, but folded away until asked for.
        var removedItem = page.Locator("details.removed li").First;
        Assert.False(await removedItem.IsVisibleAsync());
        await page.Locator("details.removed summary").ClickAsync();
        await Assertions.Expect(removedItem).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "article.png"), FullPage = true });
    }

    [Fact]
    public async Task Keyboard_users_can_skip_to_the_content_and_filter_by_outlet()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Articles");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        // A same-page jump updates the address after the key press returns, so wait for it.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#main$"));

        await page.GetByLabel("Outlet").SelectOptionAsync("Al-Masdar News");
        await page.GetByLabel("Outlet").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Filter", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("table.articles tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("outlet=Al-Masdar"));
    }

    [Fact]
    public async Task On_a_phone_the_article_list_fits_the_screen()
    {
        var page = await fixture.NewPageAsync(375, 740);
        await page.GotoAsync("/Articles");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "articles-phone.png"), FullPage = true });

        await page.GotoAsync("/Articles/999999");
        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task A_researcher_searches_quotes_by_any_alias_and_follows_the_speaker()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Quotes");
        await page.GetByLabel("Speaker").FillAsync("Adil Abdul-Mahdi");
        await page.GetByRole(AriaRole.Search, new() { Name = "Search quotes" }).GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator(".statement").First).ToBeVisibleAsync();
        Assert.All(await page.Locator(".statement .speaker a").AllInnerTextsAsync(), name => Assert.Equal("Adel Abdul Mahdi", name));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "quotes.png"), FullPage = true });

        await page.Locator(".statement .speaker a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Adel Abdul Mahdi");
        Assert.Contains("Adil Abdul-Mahdi", await page.Locator("dl.meta").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_in_an_article_link_to_their_entity_page()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("/Articles?outlet=Al-Masdar+News");
        await page.Locator("table.articles tbody a").First.ClickAsync();
        var zarifQuote = page.Locator(".story .quote", new() { HasText = "Those masquerading" });
        await Assertions.Expect(zarifQuote).ToHaveAttributeAsync("title", "Quote by Mohammad Javad Zarif");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "article-marked-phone.png") });
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"));

        await page.Locator(".story a.entity.person", new() { HasText = "Qasem Soleimani" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Qassem Soleimani");
    }

    [Fact]
    public async Task The_header_search_box_works_from_the_keyboard_on_every_page()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Entities");
        await page.Keyboard.PressAsync("Tab"); // skip link
        for (var i = 0; i < 10 && await page.EvaluateAsync<string>("document.activeElement.id") != "header-q"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("header-q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("\"foreign troops\"");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Search");
        Assert.True(await page.Locator(".results > li").CountAsync() >= 3);
        Assert.StartsWith("foreign troop", (await page.Locator(".snippet mark").First.InnerTextAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "search.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Quotes", Exact = true }).Last.ClickAsync();
        await Assertions.Expect(page.Locator(".tabs a[aria-current=page]")).ToHaveTextAsync("Quotes");
    }

    [Fact]
    public async Task A_researcher_picks_two_articles_of_a_story_from_the_keyboard_and_compares_them()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Stories");
        await page.GetByRole(AriaRole.Link, new() { Name = "Iraq calls for foreign forces to leave after US killing of Iran commander" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Iraq calls for foreign forces to leave after US killing of Iran commander");

        var boxes = page.Locator("input[name=articles]");
        await boxes.Nth(0).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await boxes.Nth(1).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare selected" }).PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Compare coverage");
        await Assertions.Expect(page.Locator(".compare-card")).ToHaveCountAsync(2);
        Assert.True(await page.Locator("table.alignment tbody tr").CountAsync() > 3);

        // A count in the speakers grid takes the reader to the passage it counts (on the page with every row, when this
        // long comparison opened on its differences).
        var link = page.Locator("#quoted table.compare-grid a[href*='#']").First;
        var href = (await link.GetAttributeAsync("href"))!;
        var target = href[href.IndexOf('#', StringComparison.Ordinal)..];
        await link.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(target) + "$"));
        await Assertions.Expect(page.Locator(target)).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "compare-desktop.png"), FullPage = true });
    }

    [Fact]
    public async Task On_a_phone_the_compare_view_stacks_each_outlets_sentence_under_its_name()
    {
        var page = await fixture.NewPageAsync(375, 740);
        await page.GotoAsync("/Stories");
        await page.GetByRole(AriaRole.Link, new() { Name = "Iraq calls for foreign forces to leave after US killing of Iran commander" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare all 5 articles side by side" }).ClickAsync();
        await Assertions.Expect(page.Locator(".compare-card")).ToHaveCountAsync(5);

        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow);
        var cell = page.Locator("table.alignment tbody td[data-label]:not(.empty)").First;
        var label = await cell.EvaluateAsync<string>("c => getComputedStyle(c, '::before').content");
        Assert.NotEqual("none", label);
        var box = await cell.BoundingBoxAsync();
        Assert.True(box!.Width > 300, $"a stacked cell is {box.Width}px wide");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "compare-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task At_390_pixels_no_page_scrolls_sideways()
    {
        var page = await fixture.NewPageAsync(390, 844);
        var overflowing = new List<string>();
        foreach (var url in new[] { "/", "/Articles", "/Articles/1", "/Quotes", "/Quotes?speaker=Abdul%20Mahdi", "/Entities", "/Entities/1", "/Stories", "/Stories/1", "/Search?q=iraq", "/Search?q=iraq&tab=quotes", "/Compare?articles=1,2,3", "/Ingestion" })
        {
            await page.GotoAsync(url);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > 390)
            {
                overflowing.Add($"{url} ({width}px)");
            }
        }

        Assert.Empty(overflowing);
    }

    [Fact]
    public async Task Charts_are_drawn_without_console_errors()
    {
        var page = await fixture.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        foreach (var url in new[] { "/", "/Quotes", "/Search?q=iraq" })
        {
            await page.GotoAsync(url);
            var figures = await page.Locator("figure.chart").CountAsync();
            Assert.True(figures > 0, url);
            await Assertions.Expect(page.Locator("figure.chart .chart-canvas svg")).ToHaveCountAsync(figures);
        }

        await page.GotoAsync("/Entities");
        await page.Locator("table.entities tbody a").First.ClickAsync();
        await Assertions.Expect(page.Locator("figure.chart[data-chart=network] .chart-canvas svg")).ToHaveCountAsync(1);

        await page.GotoAsync("/Quotes");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "quotes-charts.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join(" | ", errors));
    }
}
