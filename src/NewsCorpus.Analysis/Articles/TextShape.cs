using System.Text.RegularExpressions;

namespace NewsCorpus.Analysis.Articles;

/// <summary>Cheap tests of what a line of text looks like: a sentence, a headline, a menu.</summary>
public static partial class TextShape
{
    private static readonly HashSet<string> s_functionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "to", "for", "after", "over", "with", "from", "is", "are", "was", "were", "will", "has", "have",
        "had", "says", "said", "as", "into", "against", "amid", "about", "by", "on", "in", "at", "be", "not",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_functionWordSpans = s_functionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();

    /// <summary>Words: runs of letters and digits, with inner apostrophes and hyphens ("don't", "al-Sadr" are one each).</summary>
    public static int CountWords(string text) => WordPattern().Count(text);

    public static int CountWords(ReadOnlySpan<char> text) => WordPattern().Count(text);

    public static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value);

    /// <summary>Ends like a sentence: a full stop, question or exclamation mark, perhaps inside closing quotes or brackets.</summary>
    public static bool EndsLikeSentence(string text)
    {
        var end = text.AsSpan().TrimEnd().TrimEnd("\"'”’)]»*".AsSpan());
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or '…';
    }

    public static bool IsSentenceLike(string text)
    {
        var words = CountWords(text);
        return (words >= 6 && EndsLikeSentence(text)) || words >= 30;
    }

    /// <summary>Shaped like a headline: a few words, no closing full stop, not a fragment ending in a comma or colon.</summary>
    public static bool IsTitleLike(string text)
    {
        var words = CountWords(text);
        if (words is < 3 or > 30)
        {
            return false;
        }

        var trimmed = text.TrimEnd();
        if (trimmed.EndsWith('.') || trimmed.EndsWith(',') || trimmed.EndsWith(':') || trimmed.EndsWith(';'))
        {
            return false;
        }

        return char.IsUpper(trimmed[0]) || char.IsDigit(trimmed[0]) || trimmed[0] is '\'' or '‘' or '"' or '“';
    }

    /// <summary>A run of capitalised labels with no function words: a menu, section list or masthead.</summary>
    public static bool IsMenuLike(string text)
    {
        // Over the words that start with a letter, matched in place (no strings): a menu has three or more, no
        // function word after the first, and three in four capitalised.
        var words = 0;
        var capitalised = 0;
        foreach (var match in WordPattern().EnumerateMatches(text))
        {
            var word = text.AsSpan(match.Index, match.Length);
            if (!char.IsLetter(word[0]))
            {
                continue;
            }

            if (words > 0 && s_functionWordSpans.Contains(word))
            {
                return false;
            }

            words++;
            capitalised += char.IsUpper(word[0]) ? 1 : 0;
        }

        return words >= 3 && capitalised >= words * 0.75;
    }

    public static bool IsAllCaps(string text)
    {
        var letters = text.Where(char.IsLetter).ToList();
        return letters.Count >= 3 && letters.All(char.IsUpper);
    }

    /// <summary>Lower-case letters and digits only, for comparing texts that differ in punctuation and spacing.</summary>
    public static string Fingerprint(string text) =>
        new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
