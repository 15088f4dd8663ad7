using System.Text;
using System.Text.RegularExpressions;

namespace NewsCorpus.Analysis.Articles;

/// <summary>
/// Flattens markup nested deeper than a browser would build it (Chromium stops nesting at 512). An HTML parser checks
/// the open elements on every tag, so 100,000 nested &lt;div&gt;s cost it quadratic time (minutes); past the limit the
/// tags are dropped and their text kept, in one linear pass, before the page is parsed. Script, style and comment
/// bodies are copied as they are, so markup inside them is not counted.
/// </summary>
public static partial class HtmlDepthLimiter
{
    public const int MaxDepth = 512;

    private static readonly HashSet<string> s_void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote", "tr", "td", "th", "pre", "dd", "dt",
    };

    [GeneratedRegex(@"<!--.*?-->|<(script|style|textarea|title)\b[^>]*>.*?</\1\s*>|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(/?)>",
        RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Markup();

    public static string Limit(string html, int maxDepth = MaxDepth)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!CouldBeTooDeep(html, maxDepth))
        {
            return html;
        }

        var result = new StringBuilder(html.Length);
        var depth = 0;
        var dropped = 0; // opened past the limit and not yet closed
        var copied = 0;
        var textSinceBreak = false;
        foreach (Match tag in Markup().Matches(html))
        {
            var name = tag.Groups[3].Value;
            var keep = true;
            if (name.Length > 0 && !s_void.Contains(name) && tag.Groups[4].Value != "/")
            {
                if (tag.Groups[2].Value == "/")
                {
                    keep = dropped == 0;
                    (dropped, depth) = dropped > 0 ? (dropped - 1, depth) : (dropped, Math.Max(0, depth - 1));
                }
                else if (depth >= maxDepth)
                {
                    keep = false;
                    dropped++;
                }
                else
                {
                    depth++;
                }
            }

            var between = html.AsSpan(copied, tag.Index - copied);
            result.Append(between);
            textSinceBreak |= !between.IsWhiteSpace();
            if (keep)
            {
                result.Append(tag.Value);
                textSinceBreak = false;
            }
            else if (textSinceBreak && s_blocks.Contains(name))
            {
                result.Append("<br>"); // a dropped paragraph or heading still ends its line, once, not once per tag
                textSinceBreak = false;
            }

            copied = tag.Index + tag.Length;
        }

        return result.Append(html, copied, html.Length - copied).ToString();
    }

    // Fewer tags than the limit cannot nest past it: most pages skip the pass.
    private static bool CouldBeTooDeep(string html, int maxDepth)
    {
        var opens = 0;
        foreach (var c in html)
        {
            if (c == '<' && ++opens > maxDepth)
            {
                return true;
            }
        }

        return false;
    }
}
