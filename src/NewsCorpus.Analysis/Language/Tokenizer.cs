using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsCorpus.Analysis.Language;

public enum TokenKind
{
    Word,
    Number,
    Punctuation,
}

/// <summary>A token with its UTF-16 span in the text (end exclusive).</summary>
public readonly record struct Token(string Text, int Start, int End, TokenKind Kind)
{
    public bool IsCapitalized => Kind == TokenKind.Word && char.IsUpper(Text[0]);

    public bool IsLower => Kind == TokenKind.Word && char.IsLower(Text[0]);

    public bool Is(string text) => string.Equals(Text, text, StringComparison.Ordinal);
}

/// <summary>
/// Splits text into words (abbreviations like U.S. whole, possessive 's apart; "6PR" and "3M", digits run into capitals,
/// are one word), numbers and punctuation.
/// </summary>
public static partial class Tokenizer
{
    // The definition of a token. The scanner below gives the same tokens without a match object per token; where a
    // number runs into a capital ("123M") the pattern's backtracking decides, so the scanner asks the pattern.
    [GeneratedRegex(@"(?<abbr>(?:\p{L}\.){2,})|(?<num>\d+(?:[.,:]\d+)*(?:%)?)(?!\p{Lu})|(?<word>[\p{L}\p{M}\p{N}]+(?:[\-'’][\p{L}\p{M}\p{N}]+)*)|(?<punct>\S)", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    private static readonly string[] s_ascii = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    public static List<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var (end, kind) = Scan(text, i);
            if (end < 0)
            {
                var match = TokenPattern().Match(text, i);
                (end, kind) = (match.Index + match.Length, match.Groups["num"].Success ? TokenKind.Number : match.Groups["punct"].Success ? TokenKind.Punctuation : TokenKind.Word);
            }

            Add(tokens, text, i, end, kind);
            i = end;
        }

        return tokens;
    }

    /// <summary>The tokens as the pattern alone finds them; the scanner's reference in tests.</summary>
    internal static List<Token> TokenizeWithPattern(string text)
    {
        var tokens = new List<Token>();
        foreach (Match m in TokenPattern().Matches(text))
        {
            var kind = m.Groups["num"].Success ? TokenKind.Number : m.Groups["punct"].Success ? TokenKind.Punctuation : TokenKind.Word;
            Add(tokens, text, m.Index, m.Index + m.Length, kind);
        }

        return tokens;
    }

    private static void Add(List<Token> tokens, string text, int start, int end, TokenKind kind)
    {
        var length = end - start;
        // "Iraq’s" is the name "Iraq" and a possessive (words only: an abbreviation ends in a full stop).
        if (kind == TokenKind.Word && length > 2 && text[end - 1] == 's' && text[end - 2] is '\'' or '’')
        {
            tokens.Add(new Token(text[start..(end - 2)], start, end - 2, kind));
            tokens.Add(new Token(text[(end - 2)..end], end - 2, end, kind));
            return;
        }

        var value = length == 1 && text[start] < 128 ? s_ascii[text[start]] : text[start..end];
        tokens.Add(new Token(value, start, end, kind));
    }

    // The token at i: where it ends and its kind; -1 where the pattern must decide.
    private static (int End, TokenKind Kind) Scan(string text, int i)
    {
        var c = text[i];
        if (char.IsLetter(c) && AbbreviationEnd(text, i) is var abbreviation and > 0)
        {
            return (abbreviation, TokenKind.Word);
        }

        if (char.IsDigit(c))
        {
            var end = NumberEnd(text, i);
            return end < text.Length && char.GetUnicodeCategory(text[end]) == UnicodeCategory.UppercaseLetter ? (-1, TokenKind.Number) : (end, TokenKind.Number);
        }

        return IsWordChar(c) ? (WordEnd(text, i), TokenKind.Word) : (i + 1, TokenKind.Punctuation);
    }

    // "U.S.", "e.g.": two or more letters each followed by a full stop.
    private static int AbbreviationEnd(string text, int i)
    {
        var k = i;
        var count = 0;
        while (k + 1 < text.Length && char.IsLetter(text[k]) && text[k + 1] == '.')
        {
            k += 2;
            count++;
        }

        return count >= 2 ? k : 0;
    }

    // Digits, then groups of a separator and digits ("1,500", "3:45", "2.5"), then an optional per cent sign.
    private static int NumberEnd(string text, int i)
    {
        var k = Digits(text, i);
        while (k + 1 < text.Length && text[k] is '.' or ',' or ':' && char.IsDigit(text[k + 1]))
        {
            k = Digits(text, k + 1);
        }

        return k < text.Length && text[k] == '%' ? k + 1 : k;
    }

    private static int Digits(string text, int k)
    {
        while (k < text.Length && char.IsDigit(text[k]))
        {
            k++;
        }

        return k;
    }

    // Letters, marks and digits, joined by hyphens and apostrophes ("Abdul-Mahdi", "O'Brien").
    private static int WordEnd(string text, int i)
    {
        var k = i;
        while (true)
        {
            while (k < text.Length && IsWordChar(text[k]))
            {
                k++;
            }

            if (k + 1 < text.Length && text[k] is '-' or '\'' or '’' && IsWordChar(text[k + 1]))
            {
                k++;
                continue;
            }

            return k;
        }
    }

    private static bool IsWordChar(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };
}
