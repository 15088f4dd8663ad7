using System.Globalization;
using NewsCorpus.Analysis.Language;

namespace NewsCorpus.Analysis.Compare;

/// <summary>A figure in a text and what it counts: "5,000 US troops" is 5000 of "troop".</summary>
public sealed record NumberMention(int Start, int End, string Text, double Value, string Unit, string Sentence);

/// <summary>
/// Finds figures with what they count: digits ("5,000", "1.5 million", "$2 billion", "40%") and number words
/// ("three people") followed by the noun they count. Years, dates, times and
/// figures that count nothing nameable are left out, because comparing them across outlets says nothing.
/// </summary>
public static class NumberExtractor
{
    private const int MaxModifiers = 3;

    private static readonly Dictionary<string, double> s_numberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100, ["dozen"] = 12,
    };

    private static readonly Dictionary<string, double> s_scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["thousand"] = 1e3, ["million"] = 1e6, ["billion"] = 1e9, ["trillion"] = 1e12, ["mln"] = 1e6, ["bn"] = 1e9,
    };

    private static readonly Dictionary<string, string> s_currencies = new(StringComparer.Ordinal)
    {
        ["$"] = "dollar", ["€"] = "euro", ["£"] = "pound", ["¥"] = "yen",
    };

    private static readonly HashSet<string> s_months = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    // Words between a figure and its noun that say nothing about what is counted.
    private static readonly HashSet<string> s_modifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "more", "additional", "extra", "other", "new", "further", "fewer", "less", "of", "the", "its", "their", "his", "her", "our",
    };

    private static readonly HashSet<string> s_stopAfter = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "but", "to", "in", "on", "at", "for", "from", "by", "with", "as", "that", "which", "who", "was", "were", "is", "are",
        "be", "been", "had", "has", "have", "will", "would", "could", "said", "says", "than", "per", "a", "an", "this", "these", "those",
        "ago", "after", "before", "since", "until", "when", "while", "if", "because", "into", "over", "under", "about", "around",
    };

    public static List<NumberMention> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var found = new List<NumberMention>();
        foreach (var sentence in sentences)
        {
            for (var i = sentence.FirstToken; i <= sentence.LastToken; i++)
            {
                if (TryRead(text, tokens, i, sentence, out var mention, out var last))
                {
                    found.Add(mention);
                    i = last;
                }
            }
        }

        return found;
    }

    private static bool TryRead(string text, List<Token> tokens, int i, Sentence sentence, out NumberMention mention, out int last)
    {
        mention = null!;
        last = i;
        var token = tokens[i];
        double value;
        var isWord = false;
        if (token.Kind == TokenKind.Number)
        {
            var digits = token.Text.TrimEnd('%').Replace(",", "", StringComparison.Ordinal);
            if (token.Text.Contains(':', StringComparison.Ordinal) || !double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return false;
            }
        }
        else if (token.Kind == TokenKind.Word && s_numberWords.TryGetValue(token.Text, out value))
        {
            isWord = true;
        }
        else
        {
            return false;
        }

        // Dates: "January 5", "5 January", "Jan. 5, 2020", and years standing alone.
        if (i > 0 && s_months.Contains(tokens[i - 1].Text.TrimEnd('.')))
        {
            return false;
        }

        if (i + 1 < tokens.Count && s_months.Contains(tokens[i + 1].Text))
        {
            return false;
        }

        // The second half of a span ("2014-17"): the first half already said what it is.
        if (i > 1 && tokens[i - 1].Text is "-" or "–" && tokens[i - 2].Kind == TokenKind.Number)
        {
            return false;
        }

        var start = token.Start;
        var unit = (string?)null;
        var j = i + 1;
        if (i > 0 && tokens[i - 1].Kind == TokenKind.Punctuation && s_currencies.TryGetValue(tokens[i - 1].Text, out var currency))
        {
            unit = currency;
            start = tokens[i - 1].Start;
        }

        if (token.Text.EndsWith('%'))
        {
            unit = "percent";
        }

        if (j <= sentence.LastToken && s_scales.TryGetValue(tokens[j].Text, out var scale))
        {
            value *= scale;
            j++;
        }

        if (unit is null && j <= sentence.LastToken && tokens[j].Text is "percent" or "per" && (tokens[j].Text != "per" || (j + 1 <= sentence.LastToken && tokens[j + 1].Text == "cent")))
        {
            unit = "percent";
            j += tokens[j].Text == "per" ? 2 : 1;
        }

        var end = tokens[Math.Min(j, tokens.Count) - 1].End;
        if (unit is null)
        {
            // The counted noun: the word that ends a short run after the figure ("5,000 US troops", "52 Iranian sites").
            var k = j;
            string? noun = null;
            for (var taken = 0; k <= sentence.LastToken && taken < MaxModifiers + 1 && tokens[k].Kind == TokenKind.Word; taken++, k++)
            {
                var word = tokens[k].Text;
                if (s_stopAfter.Contains(word))
                {
                    break;
                }

                var pluralName = tokens[k].IsCapitalized && word.Length > 3 && word[^1] == 's' && char.IsLower(word[^2]);
                if (s_modifiers.Contains(word) || word is "'s" or "’s" || (tokens[k].IsCapitalized && !pluralName))
                {
                    continue;
                }

                noun = word;
                end = tokens[k].End;
                if (value == 1 || LooksPlural(word))
                {
                    k++;
                    break;
                }
            }

            if (noun is null || s_months.Contains(noun))
            {
                return false;
            }

            unit = Words.Stem(Words.Fold(noun));
            last = k - 1;
        }
        else
        {
            last = j - 1;
        }

        // A bare four-digit year counts nothing; "2014-17" is a span of years.
        if (!isWord && unit is not ("dollar" or "euro" or "pound" or "yen" or "percent") && value is >= 1900 and <= 2100 && value == Math.Floor(value) && !token.Text.Contains(',', StringComparison.Ordinal))
        {
            return false;
        }

        var sentenceText = text[sentence.Start..sentence.End].Trim();
        mention = new NumberMention(start, end, text[start..end], value, unit, sentenceText);
        return true;
    }

    private static bool LooksPlural(string noun) => noun.EndsWith('s') || noun is "people" or "children" or "men" or "women" or "police" or "personnel" or "staff" or "crew";
}
