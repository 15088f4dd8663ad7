using System.Text;
using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Analysis.Tests.Articles;

/// <summary>Saved news pages written for these tests: chrome around a story, metadata in its usual places, and broken pages.</summary>
public sealed class HtmlArticleReaderTests
{
    private const string Story1 = "The city council approved the harbour budget on Tuesday after a six-hour debate, with nine votes in favour and four against.";
    private const string Story2 = "Council member Jane Okafor said the plan would fund forty new teachers, repair two bridges and dredge the old port by next spring.";
    private const string Story3 = "Opponents argued that the property tax increase would hurt small businesses in the old town, where rents have already doubled.";

    private static string Page(string head, string article) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">{{head}}</head>
        <body>
          <header class="site-header"><a href="/">The Harbour Gazette</a><nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/opinion">Opinion</a></nav></header>
          <div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
          <main>
            {{article}}
            <section class="related-stories"><h2>Related</h2><ul><li><a href="/a">Mayor resigns after vote on harbour plan goes badly for her party</a></li><li><a href="/b">Five things to know about the new budget and what it means</a></li></ul></section>
            <div class="comments"><p>Great news for the town, finally someone is doing something about the bridges here.</p></div>
          </main>
          <aside><p>Most read: Storm closes ports along the coast as winds reach 120 km/h on Sunday night.</p></aside>
          <footer><p>© 2021 Harbour Gazette Ltd. All rights reserved. Contact us at news@example.org.</p></footer>
          <script>window.analytics = { page: "article", text: "not story text at all, this is a script" };</script>
        </body></html>
        """;

    private static string Article => $"""
        <article>
          <h1>Council passes harbour budget after marathon session</h1>
          <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
          <figure><img src="council.jpg"><figcaption>Councillors vote in the chamber on Tuesday. (Photo: J. Smith)</figcaption></figure>
          <div class="article-body">
            <p>{Story1}</p>
            <p>{Story2}</p>
            <h2>Opposition</h2>
            <p>{Story3}</p>
          </div>
        </article>
        """;

    [Fact]
    public void Keeps_the_story_and_drops_navigation_related_links_comments_captions_and_scripts()
    {
        var article = HtmlArticleReader.Read(Page("", Article));
        Assert.Equal([Story1, Story2, "Opposition", Story3], article.Paragraphs);
    }

    [Fact]
    public void Text_written_straight_into_a_container_between_its_blocks_and_line_breaks_is_kept_as_paragraphs()
    {
        var body = $"""
            <div class="post-body">
              {Story1}<div class="spacer"></div>{Story2}<br><br>
              <span>{Story3}</span>
              <div class="ad-slot"><a href="/x">Advertisement</a></div>
            </div>
            """;
        var article = HtmlArticleReader.Read(Page("<title>Harbour budget</title>", $"<h1>Council passes harbour budget</h1>{body}"));

        Assert.Equal([Story1, Story2, Story3], article.Paragraphs);
    }

    [Fact]
    public void The_element_marked_as_the_article_body_wins_over_a_longer_block_elsewhere()
    {
        var teaser = string.Join("", Enumerable.Range(1, 8).Select(i => $"<p>Other news {i}: the regional league announced a new schedule, with matches moved, tickets refunded, and fans told to check the website.</p>"));
        var body = $"""
            <div class="col-a">{teaser}</div>
            <div class="col-b"><div itemprop="articleBody"><p>{Story1}</p><p>{Story2}</p><p>{Story3}</p></div></div>
            """;
        var article = HtmlArticleReader.Read(Page("<title>Harbour budget</title>", body));

        Assert.Equal([Story1, Story2, Story3], article.Paragraphs);
    }

    [Fact]
    public void A_story_cut_into_sections_by_figures_keeps_every_section_in_order()
    {
        var body = $"""
            <div class="wrap"><section class="outer"><div class="story-part"><p>{Story1}</p><p>{Story2}</p></div></section></div>
            <div class="wrap"><figure><img src="a.jpg"><figcaption>The harbour at dawn.</figcaption></figure></div>
            <div class="promo-box"><p>Subscribe today for unlimited access to every story, podcast and newsletter we publish.</p></div>
            <div class="wrap"><section class="outer"><div class="story-part"><p>{Story3}</p></div></section></div>
            """;
        var article = HtmlArticleReader.Read(Page("<title>Harbour budget</title>", $"<h1>Council passes harbour budget</h1>{body}"));

        Assert.Equal([Story1, Story2, Story3], article.Paragraphs);
    }

    [Fact]
    public void A_table_row_reads_as_one_line()
    {
        var body = $"""
            <div class="article-body"><p>{Story1}</p>
            <table><tr><th>Pos.</th><th>Ward</th><th>Votes</th></tr><tr><td>1</td><td>Old Town</td><td>5040</td></tr><tr><td>2</td><td>Harbour</td><td>4210</td></tr></table>
            <p>{Story2}</p></div>
            """;
        var article = HtmlArticleReader.Read(Page("<title>Harbour budget</title>", $"<h1>Council passes harbour budget</h1>{body}"));

        Assert.Equal([Story1, "Pos. Ward Votes", "1 Old Town 5040", "2 Harbour 4210", Story2], article.Paragraphs);
    }

    [Fact]
    public void Captions_outside_figures_and_repeated_paragraphs_are_removed_with_a_reason_but_short_repeats_stay()
    {
        const string Caption = "Councillors vote in the chamber of the old town hall on Tuesday evening after a long debate. (AP Photo/Jane Smith)";
        var body = $"""
            <div class="article-body">
              <p>{Story1}</p><p>{Caption}</p><p>Photo: Jane Smith, AP</p>
              <p>{Story2}</p><p>{Story1}</p>
              <h3>Step 1</h3><p>{Story3}</p><h3>Step 1</h3>
            </div>
            """;
        var article = HtmlArticleReader.Read(Page("<title>Harbour budget</title>", $"<h1>Council passes harbour budget</h1>{body}"));

        Assert.Equal([Story1, Story2, "Step 1", Story3, "Step 1"], article.Paragraphs);
        Assert.Contains(article.Removed, r => r.Text == Caption && r.Reason == BoilerplateReasons.Caption);
        Assert.Contains(article.Removed, r => r.Text == Story1 && r.Reason == BoilerplateReasons.RepeatedText);
    }

    [Fact]
    public void Metadata_comes_from_json_ld_first()
    {
        const string head = """
            <title>Council passes budget | The Harbour Gazette</title>
            <meta property="og:site_name" content="The Harbour Gazette">
            <meta property="og:title" content="OG title loses to JSON-LD">
            <link rel="canonical" href="https://example.org/news/budget">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"Council passes harbour budget","datePublished":"2021-03-09T18:29:00+00:00","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Li Wei"}],"publisher":{"@type":"Organization","name":"Harbour Gazette Ltd"}}]}</script>
            """;
        var article = HtmlArticleReader.Read(Page(head, Article));
        Assert.Equal("Council passes harbour budget", article.Title);
        Assert.False(article.TitleDerived);
        Assert.Equal("Jane Doe, Li Wei", article.Byline);
        Assert.Equal(new DateOnly(2021, 3, 9), article.PublishedOn);
        Assert.Equal(new TimeOnly(18, 29), article.PublishedTime);
        Assert.Equal("The Harbour Gazette", article.Outlet);
        Assert.Equal("https://example.org/news/budget", article.Url);
    }

    [Fact]
    public void Without_json_ld_the_meta_tags_h1_and_title_are_used()
    {
        const string head = """
            <title>Council passes budget - The Harbour Gazette</title>
            <meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2021-03-09">
            """;
        var article = HtmlArticleReader.Read(Page(head, Article));
        Assert.Equal("Council passes harbour budget after marathon session", article.Title);
        Assert.Equal("Jane Doe", article.Byline);
        Assert.Equal(new DateOnly(2021, 3, 9), article.PublishedOn);
        Assert.Null(article.Outlet);

        var noH1 = HtmlArticleReader.Read(Page("<title>Council passes budget | The Harbour Gazette</title>", Article.Replace("<h1>Council passes harbour budget after marathon session</h1>", "", StringComparison.Ordinal)));
        Assert.Equal("Council passes budget", noH1.Title);
    }

    [Fact]
    public void An_agency_author_is_the_wire_origin()
    {
        var article = HtmlArticleReader.Read(Page("""<meta name="author" content="Reuters">""", Article));
        Assert.Equal("Reuters", article.WireOrigin);
    }

    [Fact]
    public void The_charset_comes_from_the_meta_tag()
    {
        var html = "<html><head><meta charset=\"windows-1252\"></head><body><article><p>Caf\u00e9 owners said \u201cno\u201d to the rent rise again, for the third time this year.</p></article></body></html>";
        var bytes = Encoding.GetEncoding(1252).GetBytes(html);
        var decoded = HtmlArticleReader.Decode(bytes);
        Assert.Equal("windows-1252", decoded.EncodingName);
        Assert.Contains("Café owners said “no”", HtmlArticleReader.Read(decoded.Text!).Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_in_other_languages_are_read_too()
    {
        var article = HtmlArticleReader.Read("<html lang=\"es\"><body><nav><a href=\"/\">Inicio</a></nav><div class=\"contenido\"><p>El consejo municipal aprobó el martes el presupuesto del puerto, después de un largo debate de seis horas.</p><p>La concejal Jane Okafor dijo que el plan financiará cuarenta nuevos maestros y reparará dos puentes.</p></div></body></html>");
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.StartsWith("El consejo municipal", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("es", article.Language);
        Assert.Equal("pt-BR", HtmlArticleReader.Read("<html><head><meta property=\"og:locale\" content=\"pt_BR\"></head><body><p>Texto.</p></body></html>").Language);
        Assert.Null(HtmlArticleReader.Read("<html lang=\"<script>\"><body><p>Text.</p></body></html>").Language);
    }

    [Fact]
    public void Broken_pages_give_best_effort_or_nothing_but_never_throw()
    {
        var truncated = HtmlArticleReader.Read($"<html><body><article><p>{Story1}</p><p>{Story2}");
        Assert.Equal([Story1, Story2], truncated.Paragraphs);

        Assert.Empty(HtmlArticleReader.Read("<html><head><title>Nothing here</title></head></html>").Paragraphs);
        Assert.Empty(HtmlArticleReader.Read("<html><body><script>document.write('hello world, this is only a script')</script></body></html>").Paragraphs);

        var nested = string.Concat(Enumerable.Repeat("<div>", 10_000)) + $"<p>{Story1}</p>" + string.Concat(Enumerable.Repeat("</div>", 10_000));
        Assert.Equal([Story1], HtmlArticleReader.Read($"<html><body>{nested}</body></html>").Paragraphs);
    }

    [Fact]
    public void A_very_large_page_is_read_within_bounds()
    {
        var filler = string.Concat(Enumerable.Repeat("<div class=\"promo\"><a href=\"/x\">Buy now and save on everything in the shop today</a></div>", 200_000));
        var article = HtmlArticleReader.Read($"<html><body><article><p>{Story1}</p><p>{Story2}</p></article>{filler}</body></html>");
        var text = string.Join("\n", article.Paragraphs);
        Assert.Contains(Story1, text, StringComparison.Ordinal);
        Assert.Contains(Story2, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_nested_200000_deep_is_read_in_linear_time_and_keeps_its_text()
    {
        const int depth = 200_000;
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + $"<p>{Story1}</p><p>{Story2}</p>"
            + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var article = HtmlArticleReader.Read(html);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20)); // about a second alone, five minutes before the depth limit
        var text = string.Join("\n", article.Paragraphs);
        Assert.Contains(Story1, text, StringComparison.Ordinal);
        Assert.Contains(Story2, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_depth_limit_keeps_text_and_leaves_markup_in_scripts_alone()
    {
        var html = "<script>var s = '" + string.Concat(Enumerable.Repeat("<div>", 600)) + "';</script>" + string.Concat(Enumerable.Repeat("<b>", 600)) + "deep words" + string.Concat(Enumerable.Repeat("</b>", 600));
        var limited = HtmlDepthLimiter.Limit(html, 100);
        Assert.Contains(string.Concat(Enumerable.Repeat("<div>", 600)), limited, StringComparison.Ordinal);
        Assert.Equal(100, System.Text.RegularExpressions.Regex.Count(limited, "<b>"));
        Assert.Equal(100, System.Text.RegularExpressions.Regex.Count(limited, "</b>"));
        Assert.Contains("deep words", limited, StringComparison.Ordinal);
    }
}
