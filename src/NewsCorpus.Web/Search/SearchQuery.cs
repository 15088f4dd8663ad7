using System.Globalization;
using System.Text;

namespace NewsCorpus.Web.Search;

public enum TermKind
{
    Word,
    Prefix,
    Phrase,
}

/// <summary>One thing to look for: a word, a prefix (troop*) or a phrase ("foreign troops"), as lower-case words.</summary>
public sealed record SearchTerm(TermKind Kind, IReadOnlyList<string> Words)
{
    public override string ToString() => Kind switch
    {
        TermKind.Prefix => Words[0] + "*",
        TermKind.Phrase => "\"" + string.Join(' ', Words) + "\"",
        _ => Words[0],
    };
}

/// <summary>
/// A parsed search, independent of any database: groups that must all match (each group is terms joined by OR),
/// terms that must not match, and filters. Every input parses; what could not be used is explained in <see cref="Notes"/>.
/// </summary>
public sealed record SearchQuery
{
    public const int MaxLength = 2000;
    public const int MaxTerms = 32;

    /// <summary>Prefix terms a search may hold: each one is expanded over the whole vocabulary, so their number is bounded.</summary>
    public const int MaxPrefixes = 4;

    /// <summary>Letters a prefix needs: "a*" would expand to a good part of the language.</summary>
    public const int MinPrefixLength = 2;

    public IReadOnlyList<IReadOnlyList<SearchTerm>> Required { get; init; } = [];

    public IReadOnlyList<SearchTerm> Excluded { get; init; } = [];

    public string? Outlet { get; init; }

    public string? Speaker { get; init; }

    public string? Entity { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool HasTerms => Required.Count > 0;

    public bool HasFilters => Outlet is not null || Speaker is not null || Entity is not null || From is not null || To is not null;

    public bool IsEmpty => !HasTerms && !HasFilters;

    private static readonly string[] s_filterNames = ["outlet", "speaker", "entity", "from", "to"];

    /// <summary>Reads what a user typed: plain words (all must match), "exact phrases", OR, -excluded, prefix*, and filters.</summary>
    public static SearchQuery Parse(string? input)
    {
        var notes = new List<string>();
        var text = input ?? "";
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
            notes.Add($"Only the first {MaxLength} characters of the search were used.");
        }

        var required = new List<List<SearchTerm>>();
        var excluded = new List<SearchTerm>();
        string? outlet = null, speaker = null, entity = null;
        DateOnly? from = null, to = null;
        var pendingOr = false;
        var termCount = 0;
        var prefixCount = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (raw, quoted) in Split(text))
        {
            if (!quoted && raw == "OR")
            {
                pendingOr = required.Count > 0;
                continue;
            }

            if (!quoted && (raw is "AND" or "NOT" || raw.Trim('(', ')', '^', '*', ':', '+', '-', '~').Length == 0))
            {
                continue; // operators of other search syntaxes and lone symbols carry no words
            }

            var value = raw;
            var negate = false;
            if (!quoted && value.StartsWith('-') && value.Length > 1)
            {
                negate = true;
                value = value[1..];
            }

            var filter = quoted ? null : FilterName(value);
            if (filter is not null && !negate)
            {
                var argument = value[(filter.Length + 1)..].Trim('"');
                if (argument.Length == 0)
                {
                    continue;
                }

                switch (filter)
                {
                    case "outlet": outlet = argument; break;
                    case "speaker": speaker = argument; break;
                    case "entity": entity = argument; break;
                    case "from": from = ReadDate(argument, start: true, notes) ?? from; break;
                    default: to = ReadDate(argument, start: false, notes) ?? to; break;
                }

                pendingOr = false;
                continue;
            }

            var term = ToTerm(value, quoted);
            if (term is null)
            {
                continue;
            }

            if (term.Kind == TermKind.Prefix && term.Words[0].Length < MinPrefixLength)
            {
                AddOnce(notes, $"Prefixes need at least {MinPrefixLength} letters: {term} was searched as the word {term.Words[0]}.");
                term = term with { Kind = TermKind.Word };
            }

            if (term.Kind == TermKind.Prefix && ++prefixCount > MaxPrefixes)
            {
                AddOnce(notes, $"Only the first {MaxPrefixes} prefixes (word*) were used.");
                continue;
            }

            // The same word twice asks nothing more (an OR group keeps its alternatives).
            if (!pendingOr && !seen.Add((negate ? "-" : "+") + term))
            {
                AddOnce(notes, "Words given more than once were searched once.");
                continue;
            }

            if (++termCount > MaxTerms)
            {
                if (termCount == MaxTerms + 1)
                {
                    notes.Add($"Only the first {MaxTerms} words or phrases were used.");
                }

                continue;
            }

            if (negate)
            {
                excluded.Add(term);
            }
            else if (pendingOr)
            {
                required[^1].Add(term);
            }
            else
            {
                required.Add([term]);
            }

            pendingOr = false;
        }

        if (required.Count == 0 && excluded.Count == 0 && outlet is null && speaker is null && entity is null && from is null && to is null && !string.IsNullOrWhiteSpace(text))
        {
            notes.Add("There is nothing to search for in that: type a word, a \"phrase\" or a filter such as outlet:Reuters.");
        }

        if (required.Count == 0 && excluded.Count > 0 && outlet is null && speaker is null && entity is null && from is null && to is null)
        {
            notes.Add("A search needs at least one word to look for; -word only leaves words out.");
        }

        return new SearchQuery
        {
            Required = required,
            Excluded = excluded,
            Outlet = outlet,
            Speaker = speaker,
            Entity = entity,
            From = from,
            To = to,
            Notes = notes,
        };
    }

    private static void AddOnce(List<string> notes, string note)
    {
        if (!notes.Contains(note))
        {
            notes.Add(note);
        }
    }

    private static string? FilterName(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var name = value[..colon].ToLowerInvariant();
        return s_filterNames.Contains(name) ? name : null;
    }

    private static SearchTerm? ToTerm(string value, bool quoted)
    {
        var prefix = !quoted && value.EndsWith('*');
        var words = Words(value);
        if (words.Count == 0)
        {
            return null;
        }

        if (quoted || words.Count > 1)
        {
            return new SearchTerm(TermKind.Phrase, words);
        }

        return new SearchTerm(prefix ? TermKind.Prefix : TermKind.Word, words);
    }

    /// <summary>Letters and digits only, lower-cased: nothing a user types reaches the database's query syntax.</summary>
    public static List<string> Words(string value)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in value.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    // Quoted runs stay whole (an unbalanced quote runs to the end); a filter may quote its value: outlet:"The Jerusalem Post".
    private static IEnumerable<(string Text, bool Quoted)> Split(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                yield break;
            }

            if (text[i] is '"' or '“' or '”')
            {
                var close = text.IndexOfAny(['"', '“', '”'], i + 1);
                var end = close < 0 ? text.Length : close;
                yield return (text[(i + 1)..end], true);
                i = end + 1;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                if (text[i] == ':' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    var close = text.IndexOf('"', i + 2);
                    i = close < 0 ? text.Length : close + 1;
                    break;
                }

                i++;
            }

            yield return (text[start..i], false);
        }
    }

    private static DateOnly? ReadDate(string value, bool start, List<string> notes)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        foreach (var format in formats)
        {
            if (DateOnly.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return format switch
                {
                    "yyyy-MM" when !start => date.AddMonths(1).AddDays(-1),
                    "yyyy" when !start => new DateOnly(date.Year, 12, 31),
                    _ => date,
                };
            }
        }

        notes.Add($"“{value}” is not a date (use 2020-01-31, 2020-01 or 2020); that filter was left out.");
        return null;
    }
}
