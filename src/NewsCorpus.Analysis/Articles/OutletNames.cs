using System.Text;

namespace NewsCorpus.Analysis.Articles;

/// <summary>
/// The names one outlet goes by: "The Jerusalem Post", "JPost.com", jpost.com and "@jpost" are one publisher. A page
/// names itself in several places; each name is kept as an alias, and names are compared by <see cref="Key"/>.
/// </summary>
public static class OutletNames
{
    private const int MaxSuffixWords = 5;

    // What a site adds to its name without becoming another outlet: "BBC News", "The Hill", "Smithsonian Magazine".
    private static readonly HashSet<string> s_genericWords = new(StringComparer.Ordinal)
    {
        "the", "news", "online", "magazine", "mag", "daily", "media", "digital", "tv", "weekly", "network", "newspaper", "web", "live",
    };

    private static readonly string[] s_titleSeparators = [" | ", " - ", " – ", " — ", " :: "];

    // Endings of domains and site names that say nothing about which outlet it is.
    private static readonly string[] s_domainEndings = [".co.uk", ".com.au", ".co.in", ".com", ".org", ".net", ".news", ".co", ".uk", ".us", ".ca", ".au", ".in", ".ie", ".de", ".fr"];

    /// <summary>
    /// The names a page gives its publisher, the one it shows first (site name, else JSON-LD publisher) leading. Other names
    /// (the publisher, the domain, a title suffix, a Twitter handle) count only when they agree with one already kept
    /// (<see cref="Agree"/>): a syndicated page's publisher or canonical address names the wire or the original site, and a
    /// title suffix is as often a section as the site, so a name that agrees with nothing is left out rather than merging
    /// two outlets.
    /// </summary>
    public static IReadOnlyList<string> FromPage(string? siteName, string? publisher, string? documentTitle, string? url, string? twitterSite)
    {
        var names = new List<string>();
        Add(names, siteName ?? publisher);
        var handle = twitterSite is { Length: > 1 } h && h.Trim().StartsWith('@') ? h.Trim() : null;
        foreach (var other in new[] { publisher, Domain(url), TitleSuffix(documentTitle), handle })
        {
            if (other is not null && names.Any(n => Agree(n, other)))
            {
                Add(names, other);
            }
        }

        return names;
    }

    /// <summary>
    /// Whether two names are plausibly one outlet: the same key, one key and a generic word ("bbc" and "bbcnews", "thehill"),
    /// or one an abbreviation of the other's leading words ("latimes" for Los Angeles Times, "jpost" for The Jerusalem Post).
    /// </summary>
    public static bool Agree(string a, string b)
    {
        var (ka, kb) = (Key(a), Key(b));
        if (ka == kb)
        {
            return true;
        }

        var (shorter, longer) = ka.Length <= kb.Length ? (ka, kb) : (kb, ka);
        if (shorter.Length >= 3 && ((longer.StartsWith(shorter, StringComparison.Ordinal) && s_genericWords.Contains(longer[shorter.Length..]))
            || (longer.EndsWith(shorter, StringComparison.Ordinal) && s_genericWords.Contains(longer[..^shorter.Length]))))
        {
            return true;
        }

        return Abbreviates(Words(a), kb) || Abbreviates(Words(b), ka);
    }

    // The initials of the first k words followed by the rest of the words spelled out, for some k ≥ 1.
    private static bool Abbreviates(List<string> words, string key)
    {
        for (var k = 1; k <= words.Count && words.Count >= 2; k++)
        {
            var form = string.Concat(words.Take(k).Select(w => w[0])) + string.Concat(words.Skip(k));
            if (form == key && key.Length >= 3)
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Words(string name) =>
        [.. name.ToLowerInvariant().Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsLetterOrDigit)])).Where(w => w.Length > 0 && w != "the")];

    /// <summary>A name that is only a handle or a domain, which a proper name ("PolitiFact", "The Jerusalem Post") should replace as the display name.</summary>
    public static bool IsHandleOrDomain(string name) => name.StartsWith('@') || LooksLikeDomain(name);

    private static bool LooksLikeDomain(string name) =>
        !name.Contains(' ', StringComparison.Ordinal) && s_domainEndings.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A name folded for comparison: case, a leading "The", "www.", a domain ending, a leading "@" and everything but
    /// letters and digits dropped, so "The Jerusalem Post" is "jerusalempost" and "@politifact" is "politifact".
    /// </summary>
    public static string Key(string name)
    {
        var folded = name.Trim().ToLowerInvariant();
        folded = folded.StartsWith('@') ? folded[1..] : folded;
        folded = folded.StartsWith("the ", StringComparison.Ordinal) ? folded[4..] : folded;
        folded = folded.StartsWith("www.", StringComparison.Ordinal) ? folded[4..] : folded;
        foreach (var ending in s_domainEndings)
        {
            if (folded.Length > ending.Length + 1 && folded.EndsWith(ending, StringComparison.Ordinal))
            {
                folded = folded[..^ending.Length];
                break;
            }
        }

        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded.Where(char.IsLetterOrDigit))
        {
            builder.Append(c);
        }

        return builder.Length > 0 ? builder.ToString() : name.Trim().ToLowerInvariant();
    }

    /// <summary>"Iraq calls … | JPost.com" → "JPost.com": a short last part after a separator names the site.</summary>
    public static string? TitleSuffix(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        foreach (var separator in s_titleSeparators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 10)
            {
                var suffix = title[(at + separator.Length)..].Trim();
                var words = suffix.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                return words is > 0 and <= MaxSuffixWords && suffix.Length <= 40 && char.IsLetterOrDigit(suffix[0]) ? suffix : null;
            }
        }

        return null;
    }

    /// <summary>
    /// The site's domain from an http(s) address: "https://edition.cnn.com/x" → "cnn.com". Hosts that many publishers
    /// share (blog platforms, social sites, archives) name no outlet and give null.
    /// </summary>
    public static string? Domain(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !uri.Host.Contains('.'))
        {
            return null;
        }

        var labels = uri.Host.ToLowerInvariant().Split('.');
        var keep = labels.Length >= 3 && labels[^2].Length <= 3 && labels[^1].Length == 2 ? 3 : 2; // news.bbc.co.uk → bbc.co.uk
        var domain = string.Join('.', labels[^Math.Min(keep, labels.Length)..]);
        return s_sharedHosts.Contains(domain) || System.Net.IPAddress.TryParse(uri.Host, out _) ? null : domain;
    }

    private static readonly HashSet<string> s_sharedHosts = new(StringComparer.Ordinal)
    {
        "medium.com", "substack.com", "blogspot.com", "wordpress.com", "tumblr.com", "github.io", "google.com", "facebook.com",
        "twitter.com", "x.com", "t.co", "youtube.com", "archive.org", "archive.today", "archive.ph", "amazonaws.com",
        "cloudfront.net", "ampproject.org", "localhost", "example.com", "msn.com", "yahoo.com",
    };

    private static void Add(List<string> names, string? name)
    {
        var trimmed = name?.Trim();
        if (trimmed is { Length: > 1 and <= 200 } && !names.Any(n => Key(n) == Key(trimmed)))
        {
            names.Add(trimmed);
        }
    }
}
