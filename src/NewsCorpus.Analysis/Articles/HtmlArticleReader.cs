using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsCorpus.Analysis.Articles;

/// <summary>
/// Reads a saved news page: metadata from JSON-LD, Open Graph and meta tags, and the story from the block of the
/// page where paragraphs of prose gather (scored by text length, commas and link density, no per-site rules),
/// without navigation, related links, comments, share widgets, captions, scripts and styles.
/// </summary>
public static partial class HtmlArticleReader
{
    /// <summary>Pages with more elements than this are read only up to it: the work per page is bounded.</summary>
    public const int MaxElements = 150_000;

    private static readonly HashSet<string> s_removed = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "input", "select", "textarea",
        "nav", "aside", "footer", "figure", "figcaption", "picture", "video", "audio", "object", "embed", "dialog", "menu", "label",
    };

    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt", "div", "section", "article",
        "ul", "ol", "table", "tr", "tbody", "main", "header", "center",
    };

    private static readonly HashSet<string> s_textBlocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd",
    };

    [GeneratedRegex(@"comment|share|sharing|social|related|recommend|promo|advert|sponsor|(^|[-_ ])ads?([-_ ]|$)|cookie|consent|newsletter|subscri|signup|sidebar|footer|masthead|(^|[-_ ])nav([-_ ]|$)|menu|breadcrumb|(^|[-_ ])tags?([-_ ]|$)|author-bio|popup|modal|outbrain|taboola|popular|trending|more-stories|paywall|toolbar|pagination|disqus|overlay", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unlikely();

    [GeneratedRegex(@"article|body|content|entry|main|post|story|text|prose|paragraph", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Likely();

    // "2019-11-19 02:24:00 UTC", "Tue Nov 19 2019 05:44:06 GMT+0000": a zone written as words, read as an offset.
    [GeneratedRegex(@"\s*\b(?:UTC|GMT)(?:[+-]0{2}:?0{2})?(?:\s*\([^)]*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeZoneWords();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*(?<charset>[\w-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The page's text: a BOM first, then a meta charset or http-equiv declaration, then strict UTF-8, then Windows-1252.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && (bytes[0] is 0xEF or 0xFF or 0xFE))
        {
            return TextDecoder.Decode(bytes);
        }

        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        if (MetaCharset().Match(head) is { Success: true } declared)
        {
            try
            {
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                var encoding = Encoding.GetEncoding(declared.Groups["charset"].Value);
                if (encoding.CodePage != Encoding.UTF8.CodePage)
                {
                    var text = encoding.GetString(bytes);
                    return string.IsNullOrWhiteSpace(text) ? new DecodedText(null, "", "the file holds no text") : new DecodedText(text, encoding.WebName, null);
                }
            }
            catch (ArgumentException)
            {
                // An unknown charset name: fall back to detection.
            }
        }

        return TextDecoder.Decode(bytes);
    }

    public static ParsedArticle Read(string html, SidecarMetadata? sidecar = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, IsKeepingSourceReferences = false });
        using var document = parser.ParseDocument(HtmlDepthLimiter.Limit(html));
        var metadata = ReadMetadata(document);

        var removed = Clean(document);
        var paragraphs = ExtractParagraphs(document, removed);
        var title = sidecar?.Title ?? metadata.Title;
        var derived = false;
        if (string.IsNullOrWhiteSpace(title))
        {
            title = PlainTextArticleReader.DeriveTitle(paragraphs);
            derived = true;
        }

        var dropped = DropCaptionsAndRepeats(paragraphs);

        // A "By Name" line is the byline, not story text.
        if (metadata.Author is { } byline)
        {
            paragraphs.RemoveAll(p => p.Length < 100 && (string.Equals(p, byline, StringComparison.Ordinal) || string.Equals(p, "By " + byline, StringComparison.OrdinalIgnoreCase)));
        }

        // The headline is the title, not story text.
        if (paragraphs.Count > 0 && string.Equals(Normalize(paragraphs[0]), Normalize(title!), StringComparison.OrdinalIgnoreCase))
        {
            paragraphs.RemoveAt(0);
        }

        return new ParsedArticle
        {
            Title = title!,
            TitleDerived = derived,
            PublishedOn = sidecar?.Date ?? metadata.Date?.Date,
            PublishedTime = sidecar?.Date is null ? metadata.Date?.Time : null,
            DateCandidates = [.. SidecarDate(sidecar), .. metadata.Dates],
            OutletAliases = metadata.OutletNames,
            Byline = sidecar?.Author ?? metadata.Author,
            WireOrigin = metadata.Author is { } author ? NewsSources.AgencyNamed(author) : null,
            Outlet = sidecar?.Outlet ?? (metadata.Outlet is { } outlet ? NewsSources.CanonicalOutlet(outlet) : null),
            OutletEvidence = sidecar?.Outlet is not null ? "sidecar metadata file" : metadata.OutletEvidence,
            Url = sidecar?.Url ?? metadata.Url,
            Language = metadata.Language,
            Paragraphs = paragraphs,
            Removed = dropped,
            WordCount = paragraphs.Sum(TextShape.CountWords),
        };
    }

    /// <summary>
    /// Photo captions and credits that sit outside &lt;figure&gt; ("Photo: Hau Dinh, AP"), advertisement markers, and
    /// long paragraphs repeated word for word (a caption shown three times, a pull quote) leave the story text; they are
    /// returned as removed blocks with their reason.
    /// </summary>
    private static List<BoilerplateBlock> DropCaptionsAndRepeats(List<string> paragraphs)
    {
        var removed = new List<BoilerplateBlock>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<string>(paragraphs.Count);
        foreach (var paragraph in paragraphs)
        {
            // Only long repeats: short lines (a meal plan's "Meal 1", a shop link) recur in real story text.
            var reason = !seen.Add(paragraph) && TextShape.CountWords(paragraph) >= 15 ? BoilerplateReasons.RepeatedText
                : TextShape.CountWords(paragraph) <= 60 && (BoilerplateRules.Caption().IsMatch(paragraph) || BoilerplateRules.CreditOnly().IsMatch(paragraph)) ? BoilerplateReasons.Caption
                : BoilerplateRules.Advertisement().IsMatch(paragraph) ? BoilerplateReasons.Advertisement
                : null;
            if (reason is null)
            {
                kept.Add(paragraph);
            }
            else
            {
                removed.Add(new BoilerplateBlock(paragraph, reason));
            }
        }

        paragraphs.Clear();
        paragraphs.AddRange(kept);
        return removed;
    }

    // "en_US" → "en-US"; anything that is not a language tag → null.
    private static string? LanguageTag(string? value)
    {
        var tag = value?.Split(',')[0].Trim().Replace('_', '-');
        return tag is { Length: >= 2 and <= 20 } && tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && char.IsAsciiLetter(tag[0]) ? tag : null;
    }

    private sealed record PageMetadata(string? Title, string? Author, IReadOnlyList<DateCandidate> Dates, string? Outlet, string? OutletEvidence, string? Url, string? Language, IReadOnlyList<string> OutletNames)
    {
        public DateCandidate? Date => Dates.FirstOrDefault(d => d.Date is not null);
    }

    private static PageMetadata ReadMetadata(IHtmlDocument document)
    {
        string? headline = null, author = null, publisher = null;
        var dates = new List<DateCandidate>();
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                foreach (var item in Items(json.RootElement))
                {
                    if (!IsArticleType(item))
                    {
                        continue;
                    }

                    headline ??= Text(item, "headline");
                    AddDate(dates, "JSON-LD datePublished", Text(item, "datePublished"));
                    author ??= Names(item, "author");
                    publisher ??= Names(item, "publisher");
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the meta tags still count.
            }
        }

        string? Meta(string name) =>
            document.QuerySelector($"meta[property='{name}']")?.GetAttribute("content")?.Trim() is { Length: > 0 } p ? p
            : document.QuerySelector($"meta[name='{name}']")?.GetAttribute("content")?.Trim() is { Length: > 0 } n ? n : null;

        var siteName = Meta("og:site_name");
        var documentTitle = document.Title?.Trim();
        var h1 = document.QuerySelector("h1")?.TextContent is { } h ? Normalize(h) : null;
        var title = headline ?? Meta("og:title") ?? (string.IsNullOrWhiteSpace(h1) ? null : h1) ?? WithoutSiteName(documentTitle, siteName);
        author ??= Meta("author") ?? Meta("article:author") ?? Meta("byl")?.Replace("By ", "", StringComparison.OrdinalIgnoreCase)
            ?? Meta("dc.creator") ?? Meta("parsely-author") ?? Meta("sailthru.author") ?? BylineInPage(document);
        foreach (var name in new[] { "article:published_time", "pubdate", "date" })
        {
            AddDate(dates, $"meta {name}", Meta(name));
        }

        AddDate(dates, "<time datetime>", document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        var outlet = siteName ?? publisher;
        var url = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href") ?? Meta("og:url");
        return new PageMetadata(
            title is null ? null : Normalize(title),
            author is null || author.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : Normalize(author),
            dates,
            outlet is null ? null : Normalize(outlet),
            siteName is not null ? "page metadata (og:site_name)" : publisher is not null ? "page metadata (JSON-LD publisher)" : null,
            url,
            LanguageTag(document.DocumentElement.GetAttribute("lang") ?? document.DocumentElement.GetAttribute("xml:lang")
                ?? document.QuerySelector("meta[http-equiv='content-language' i]")?.GetAttribute("content") ?? Meta("og:locale")),
            OutletNames.FromPage(siteName, publisher, documentTitle, url ?? Meta("og:url"), Meta("twitter:site")));
    }

    private static void AddDate(List<DateCandidate> dates, string source, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            var (date, time) = ParseDate(value);
            dates.Add(new DateCandidate(source, value.Trim(), date, time));
        }
    }

    /// <summary>
    /// A byline in the page itself: an element marked as the author (itemprop, rel, a byline or author class), or a
    /// short "By Name" line near the top. Only short, name-like text counts, so an author biography does not.
    /// </summary>
    private static string? BylineInPage(IHtmlDocument document)
    {
        var marked = document.QuerySelectorAll("[itemprop=author], [rel=author], [class*=byline], [class~=author], [class*=author-name]")
            .Select(e => BylineText(e.TextContent))
            .FirstOrDefault(t => t is not null);
        if (marked is not null)
        {
            return marked;
        }

        foreach (var element in document.QuerySelectorAll("p, div, span").Take(200))
        {
            if (element.ChildElementCount == 0 && ByLine().Match(Normalize(element.TextContent)) is { Success: true } match)
            {
                return match.Groups["name"].Value;
            }
        }

        return null;
    }

    private static string? BylineText(string text)
    {
        var line = Normalize(text);
        if (line.StartsWith("By ", StringComparison.OrdinalIgnoreCase))
        {
            line = line[3..].Trim();
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 8 && line.Length <= 80 && char.IsUpper(line[0]) ? line : null;
    }

    [GeneratedRegex(@"^By (?<name>\p{Lu}[\p{L}.'’-]+(?: (?:and |& )?\p{Lu}[\p{L}.'’-]+){0,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex ByLine();

    private static IEnumerable<JsonElement> Items(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in Items(item))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            if (element.TryGetProperty("@graph", out var graph))
            {
                foreach (var nested in Items(graph))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsArticleType(JsonElement item)
    {
        if (!item.TryGetProperty("@type", out var type))
        {
            return false;
        }

        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString() ?? "") : [type.GetString() ?? ""];
        return types.Any(t => t.Contains("Article", StringComparison.Ordinal) || t is "BlogPosting" or "Report" or "LiveBlogPosting");
    }

    private static string? Text(JsonElement item, string name) => JsonText.Property(item, name);

    private static string? Names(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            return null;
        }

        var names = new List<string>();
        foreach (var entry in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value])
        {
            if (JsonText.Read(entry) is { } entryName)
            {
                names.Add(entryName);
            }
            else if (entry.ValueKind == JsonValueKind.Object && Text(entry, "name") is { } n)
            {
                names.Add(n);
            }
        }

        return names.Count == 0 ? null : string.Join(", ", names.Distinct());
    }

    internal static IEnumerable<DateCandidate> SidecarDate(SidecarMetadata? sidecar) =>
        sidecar?.Date is { } date ? [new DateCandidate("sidecar metadata file", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date)] : [];

    private static (DateOnly?, TimeOnly?) ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }

        value = TimeZoneWords().Replace(value.Trim(), "+00:00");
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var moment)
            || DateTimeOffset.TryParseExact(value, "ddd MMM d yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out moment))
        {
            var hasTime = value.Contains('T', StringComparison.Ordinal) || value.Contains(':', StringComparison.Ordinal);
            return (DateOnly.FromDateTime(moment.DateTime), hasTime ? TimeOnly.FromDateTime(moment.DateTime) : null);
        }

        return Datelines.TryParseLine(value, out var date, out _) ? (date.Date, date.Time) : (null, null);
    }

    // "Headline - The Paper" or "Headline | The Paper": the site name is not part of the title.
    private static string? WithoutSiteName(string? title, string? siteName)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        foreach (var separator in new[] { " | ", " - ", " – ", " — ", " :: " })
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 10 && (siteName is null || title[(at + separator.Length)..].Contains(siteName, StringComparison.OrdinalIgnoreCase) || title.Length - at < 30))
            {
                return title[..at];
            }
        }

        return title;
    }

    // What is never story text: scripts, navigation, forms, hidden blocks; then blocks whose names say they are
    // comments, sharing, related links or ads, unless they hold much of what text is left. Removed elements are
    // remembered, not taken out of the tree: removing thousands of siblings one by one is quadratic.
    private static HashSet<IElement> Clean(IHtmlDocument document)
    {
        var removed = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        var body = document.Body;
        if (body is null)
        {
            return removed;
        }

        var count = 0;
        foreach (var element in Descendants(body, removed))
        {
            if (++count > MaxElements || s_removed.Contains(element.LocalName) || element.HasAttribute("hidden")
                || element.GetAttribute("role") is "navigation" or "banner" or "contentinfo" or "complementary" or "dialog" or "alert" or "menu")
            {
                removed.Add(element);
            }
        }

        var bodyText = Math.Max(1, TextOf(body, removed).Length);
        var unlikely = new List<IElement>();
        foreach (var element in Descendants(body, removed))
        {
            if (element.LocalName is "main" or "article" or "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote")
            {
                continue;
            }

            // A class name or a form is a hint, not proof: a block holding much of the page's text stays
            // ("Page-ad-margins" and ASP.NET's page-wide form wrap whole sites).
            var names = $"{element.ClassName} {element.Id}";
            if ((element.LocalName == "form" || (names.Length > 1 && Unlikely().IsMatch(names) && !Likely().IsMatch(names)))
                && TextOf(element, removed).Length < bodyText * 0.3)
            {
                unlikely.Add(element);
            }
        }

        removed.UnionWith(unlikely);
        return removed;
    }

    /// <summary>The text of an element without the removed parts, whitespace collapsed.</summary>
    private static string TextOf(IElement root, HashSet<IElement> removed)
    {
        var text = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IElement element && removed.Contains(element))
            {
                continue;
            }

            if (node.NodeType == NodeType.Text)
            {
                text.Append(node.TextContent);
                continue;
            }

            foreach (var child in node.ChildNodes.Reverse())
            {
                stack.Push(child);
            }
        }

        return Normalize(text.ToString());
    }

    // Every element below root, depth first, without recursion (pages can nest thousands deep).
    private static IEnumerable<IElement> Descendants(IElement root, HashSet<IElement> removed)
    {
        // Children is a live, filtered view: read it once per element, never by index.
        var stack = new Stack<IElement>(root.Children.Reverse());
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (removed.Contains(element))
            {
                continue;
            }

            yield return element;
            foreach (var child in element.Children.Reverse())
            {
                stack.Push(child);
            }
        }
    }

    private static List<string> ExtractParagraphs(IHtmlDocument document, HashSet<IElement> removed)
    {
        var body = document.Body;
        if (body is null)
        {
            return [];
        }

        var page = new PageText(removed);

        // Score the containers of prose blocks: long text, commas, few links.
        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        void Credit(IElement? parent, string text)
        {
            var score = 1 + text.Count(c => c == ',') + Math.Min(text.Length / 100.0, 3);
            if (parent is not null)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + score;
                if (parent.ParentElement is { } grandparent)
                {
                    scores[grandparent] = scores.GetValueOrDefault(grandparent) + score / 2;
                }
            }
        }

        foreach (var element in Descendants(body, removed))
        {
            if (element.LocalName is "div" or "section" or "article" or "main" or "td" && page.HasBlockChild(element))
            {
                // Text written straight into a container between its blocks ("text<div class=br></div>text", or
                // text and <br>s next to a <div>): each run is a paragraph of this container.
                foreach (var run in page.DirectRuns(element).Where(r => r.Length >= 25))
                {
                    Credit(element, run);
                }

                continue;
            }

            if (element.LocalName is not ("p" or "pre" or "td" or "blockquote" or "div" or "section"))
            {
                continue;
            }

            var text = page.Text(element);
            if (text.Length >= 25)
            {
                Credit(element.ParentElement, text);
            }
        }

        IElement? best = null;
        var bestScore = 0.0;
        foreach (var (element, score) in scores)
        {
            var adjusted = score * (1 - page.LinkDensity(element)) * (Likely().IsMatch($"{element.ClassName} {element.Id}") ? 1.25 : 1) * (element.LocalName == "article" ? 1.25 : 1);
            if (adjusted > bestScore)
            {
                best = element;
                bestScore = adjusted;
            }
        }

        // Microdata that names the story body is the page's own answer, when it holds a story's worth of text.
        if (document.QuerySelector("[itemprop=articleBody]") is { } marked && !removed.Contains(marked) && page.Text(marked).Length >= 250)
        {
            return page.Blocks(marked);
        }

        if (best is null)
        {
            return page.Blocks(body);
        }

        // Siblings that score well or hold a long paragraph belong to the story too.
        var parts = new List<IElement>();
        var siblingFloor = Math.Max(10, bestScore * 0.2);
        foreach (var sibling in best.ParentElement?.Children.ToArray() ?? [best])
        {
            if (removed.Contains(sibling))
            {
                continue;
            }

            if (sibling == best)
            {
                parts.Add(sibling);
                continue;
            }

            var siblingScore = scores.GetValueOrDefault(sibling) * (1 - page.LinkDensity(sibling));
            if (siblingScore >= siblingFloor || (sibling.LocalName == "p" && page.Text(sibling).Length > 80 && page.LinkDensity(sibling) < 0.25))
            {
                parts.Add(sibling);
            }
        }

        // Stories cut into sections (between figures, pull quotes or ads) repeat the container's markup: other
        // elements with the best container's tag and class that hold prose are parts of the same story.
        if (best.ClassName is { Length: > 0 } bestClass)
        {
            foreach (var (element, score) in scores)
            {
                if (element != best && element.LocalName == best.LocalName && element.ClassName == bestClass
                    && score * (1 - page.LinkDensity(element)) >= 3
                    && !parts.Any(p => p.Contains(element) || element.Contains(p)))
                {
                    parts.Add(element);
                }
            }

            parts.Sort((a, b) => a == b ? 0 : a.CompareDocumentPosition(b).HasFlag(DocumentPositions.Following) ? -1 : 1);
        }

        return [.. parts.SelectMany(page.Blocks)];
    }

    /// <summary>Text, link density and blocks of the page without its removed parts, each computed once per element.</summary>
    private sealed class PageText(HashSet<IElement> removed)
    {
        private readonly Dictionary<IElement, string> _text = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<IElement, double> _linkDensity = new(ReferenceEqualityComparer.Instance);

        public string Text(IElement element)
        {
            if (!_text.TryGetValue(element, out var text))
            {
                _text[element] = text = TextOf(element, removed);
            }

            return text;
        }

        public double LinkDensity(IElement element)
        {
            if (_linkDensity.TryGetValue(element, out var density))
            {
                return density;
            }

            var total = Text(element).Length;
            var linked = total == 0 ? 0 : Descendants(element, removed).Where(e => e.LocalName == "a").Sum(a => Text(a).Length);
            density = total == 0 ? 0 : Math.Min(1, (double)linked / total);
            _linkDensity[element] = density;
            return density;
        }

        public bool HasBlockChild(IElement element) => element.Children.Any(c => !removed.Contains(c) && s_blocks.Contains(c.LocalName));

        /// <summary>
        /// The paragraphs of a container in reading order: each leaf text block, and each run of text written
        /// straight into a container between its blocks or &lt;br&gt;s.
        /// </summary>
        public List<string> Blocks(IElement root)
        {
            var paragraphs = new List<string>();
            if (s_textBlocks.Contains(root.LocalName) || !HasBlockChild(root))
            {
                Add(root, paragraphs);
                return paragraphs;
            }

            // An explicit stack (pages nest thousands deep): a null marks the end of a container, which ends its run.
            var run = new StringBuilder();
            var linked = 0;
            var stack = new Stack<INode?>();
            PushChildren(root, stack);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node is null || (node is IElement { LocalName: "br" } && run.Length > 0 && EndsRun(run)))
                {
                    Flush(run, ref linked, paragraphs);
                    continue;
                }

                if (node.NodeType == NodeType.Text)
                {
                    run.Append(node.TextContent);
                    continue;
                }

                if (node is not IElement element || removed.Contains(element))
                {
                    continue;
                }

                if (!s_blocks.Contains(element.LocalName))
                {
                    var inline = Text(element);
                    run.Append(' ').Append(inline).Append(' ');
                    linked += (int)(inline.Length * (element.LocalName == "a" ? 1 : LinkDensity(element)));
                    continue;
                }

                Flush(run, ref linked, paragraphs);
                if (element.LocalName == "tr" && !element.Children.Any(c => c.Children.Any(g => s_blocks.Contains(g.LocalName))))
                {
                    // A table row reads as one line: "3 Kevin Harvick 5033 4 6", not five one-word paragraphs.
                    AddRow(element, paragraphs);
                    continue;
                }

                if (s_textBlocks.Contains(element.LocalName) && !element.Children.Any(c => s_textBlocks.Contains(c.LocalName)) || !HasBlockChild(element))
                {
                    Add(element, paragraphs);
                    continue;
                }

                stack.Push(null);
                PushChildren(element, stack);
            }

            Flush(run, ref linked, paragraphs);
            return paragraphs;
        }

        /// <summary>The runs of text written straight into a container (not inside its block children).</summary>
        public List<string> DirectRuns(IElement container)
        {
            var runs = new List<string>();
            var run = new StringBuilder();
            foreach (var node in container.ChildNodes)
            {
                if (node.NodeType == NodeType.Text)
                {
                    run.Append(node.TextContent);
                }
                else if (node is IElement element && !removed.Contains(element))
                {
                    if (s_blocks.Contains(element.LocalName) || element.LocalName == "br")
                    {
                        AddRun(run, runs);
                    }
                    else
                    {
                        run.Append(' ').Append(Text(element)).Append(' ');
                    }
                }
            }

            AddRun(run, runs);
            return runs;
        }

        private static void AddRun(StringBuilder run, List<string> runs)
        {
            var text = Normalize(run.ToString());
            run.Clear();
            if (text.Length > 0)
            {
                runs.Add(text);
            }
        }

        // One <br> inside a sentence is a line break; a <br> after a sentence (or a second one) ends a paragraph.
        private static bool EndsRun(StringBuilder run)
        {
            var text = run.ToString().TrimEnd();
            return text.Length == 0 || text[^1] is '.' or '!' or '?' or '"' or '”' or ':' or ')';
        }

        private static void PushChildren(IElement element, Stack<INode?> stack)
        {
            foreach (var child in element.ChildNodes.Reverse())
            {
                stack.Push(child);
            }
        }

        // A run is a paragraph unless it is a word or two, or mostly links (a row of navigation).
        private static void Flush(StringBuilder run, ref int linked, List<string> paragraphs)
        {
            var text = Normalize(run.ToString());
            run.Clear();
            var words = TextShape.CountWords(text);
            var linkShare = text.Length == 0 ? 0 : (double)linked / text.Length;
            linked = 0;
            if (words >= 2 && !(linkShare > 0.5 && words < 40))
            {
                paragraphs.Add(text);
            }
        }

        private void AddRow(IElement row, List<string> paragraphs)
        {
            var text = string.Join(' ', row.Children.Where(c => !removed.Contains(c)).Select(Text).Where(t => t.Length > 0));
            if (text.Length > 0 && LinkDensity(row) <= 0.5)
            {
                paragraphs.Add(text);
            }
        }

        private void Add(IElement element, List<string> paragraphs)
        {
            var text = Text(element);
            if (text.Length == 0)
            {
                return;
            }

            var words = TextShape.CountWords(text);
            var isHeading = element.LocalName is "h2" or "h3" or "h4" or "h5" or "h6";
            // Short link-heavy blocks are navigation ("Read more", lists of related headlines).
            if ((!isHeading && LinkDensity(element) > 0.5 && words < 40) || (words < 2 && !isHeading))
            {
                return;
            }

            paragraphs.Add(text);
        }

    }

    private static string Normalize(string text) => Spaces().Replace(text, " ").Trim();
}
