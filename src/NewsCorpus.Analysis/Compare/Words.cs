using System.Globalization;
using System.Text;
using NewsCorpus.Analysis.Language;

namespace NewsCorpus.Analysis.Compare;

/// <summary>A word as compared: its place in the text and its folded form ("U.S." and "US" both "us").</summary>
public readonly record struct ComparableWord(int Start, int End, string Folded, bool IsNumber);

/// <summary>Word folding, a light stemmer and a stop list shared by everything that compares texts.</summary>
public static class Words
{
    private static readonly HashSet<string> s_stopwords = LoadStopwords();

    public static bool IsStopword(string folded) => s_stopwords.Contains(folded);

    /// <summary>Words and numbers of a text, folded: lower case, no diacritics, no dots or apostrophes inside.</summary>
    public static List<ComparableWord> Of(string text) => Of(Tokenizer.Tokenize(text), 0, int.MaxValue, 0);

    /// <summary>
    /// The words of already tokenized text: <paramref name="count"/> tokens from <paramref name="first"/>, with
    /// offsets made relative to <paramref name="origin"/> (where the sentence starts).
    /// </summary>
    public static List<ComparableWord> Of(IReadOnlyList<Token> tokens, int first, int count, int origin)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var last = (int)Math.Min((long)first + count, tokens.Count);
        var words = new List<ComparableWord>(last - first);
        for (var t = first; t < last; t++)
        {
            var token = tokens[t];
            token = token with { Start = token.Start - origin, End = token.End - origin };
            if (token.Kind == TokenKind.Punctuation)
            {
                continue;
            }

            var folded = token.Kind == TokenKind.Number ? token.Text.Replace(",", "", StringComparison.Ordinal) : Fold(token.Text);
            if (folded.Length == 0)
            {
                continue;
            }

            // The tokenizer splits the possessive off; "Iraq's" and "Iraq" should read the same.
            if (folded == "s" && words.Count > 0 && words[^1].End == token.Start)
            {
                continue;
            }

            if (token.Kind == TokenKind.Word && folded.Contains('-', StringComparison.Ordinal))
            {
                // "U.S.-Iranian" and "US-Iranian", "counter-threats" and "counter threats": compare the parts.
                AddParts(words, token);
                continue;
            }

            words.Add(new ComparableWord(token.Start, token.End, folded, token.Kind == TokenKind.Number));
        }

        return words;
    }

    private static void AddParts(List<ComparableWord> words, Token token)
    {
        var offset = 0;
        foreach (var part in token.Text.Split('-'))
        {
            var folded = Fold(part);
            if (folded.Length > 0)
            {
                words.Add(new ComparableWord(token.Start + offset, token.Start + offset + part.Length, folded, false));
            }

            offset += part.Length + 1;
        }
    }

    public static string Fold(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (IsPlainAscii(word, out var clean))
        {
            // Most words: nothing to strip but case, and often not even that ("Iraq’s" too: its apostrophe goes).
            return clean ? word : string.Create(word.Length - Skipped(word), word, static (span, source) =>
            {
                var i = 0;
                foreach (var c in source)
                {
                    if (c is not ('.' or '\'' or '’' or ','))
                    {
                        span[i++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                    }
                }
            });
        }

        var builder = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '.' or '\'' or '’' or ',')
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    // ASCII, or ASCII with typographic apostrophes (which folding drops): no normalization needed.
    private static bool IsPlainAscii(string word, out bool clean)
    {
        clean = true;
        foreach (var c in word)
        {
            if (c > 127 && c != '’')
            {
                return false;
            }

            if (c is '.' or '\'' or '’' or ',' or (>= 'A' and <= 'Z'))
            {
                clean = false;
            }
        }

        return true;
    }

    private static int Skipped(string word)
    {
        var count = 0;
        foreach (var c in word)
        {
            if (c is '.' or '\'' or '’' or ',')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A light English stemmer (plurals, -ing, -ed, -ly): enough for "troops"/"troop" and "killing"/"killed"
    /// to meet, without Porter's rewrites that make stems hard to read when shown.
    /// </summary>
    public static string Stem(string folded)
    {
        var w = folded;
        if (w.Length <= 3 || !char.IsLetter(w[^1]))
        {
            return w;
        }

        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            return w[..^3] + "y";
        }

        if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            return w[..^2];
        }

        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)
        {
            return Undouble(w[..^3]);
        }

        if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)
        {
            return Undouble(w.EndsWith("ied", StringComparison.Ordinal) ? w[..^3] + "y" : w[..^2]);
        }

        if (w.EndsWith("ly", StringComparison.Ordinal) && w.Length > 5)
        {
            return w[..^2];
        }

        if (w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            return w[..^1];
        }

        return w;
    }

    /// <summary>A content word: not a stop word, not a lone letter; numbers count.</summary>
    public static bool IsContent(ComparableWord word) =>
        word.IsNumber || (word.Folded.Length > 1 && !s_stopwords.Contains(word.Folded));

    // "stopp" → "stop", "kill" stays (ll is kept: "kill", "fell").
    private static string Undouble(string stem) =>
        stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') ? stem[..^1] : stem;

    private static HashSet<string> LoadStopwords()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in WordLists.Lines("stopwords.txt"))
        {
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                set.Add(word);
            }
        }

        return set;
    }
}
