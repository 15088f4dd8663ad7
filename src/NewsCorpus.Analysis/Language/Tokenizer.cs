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
    [GeneratedRegex(@"(?<abbr>(?:\p{L}\.){2,})|(?<num>\d+(?:[.,:]\d+)*(?:%)?)(?!\p{Lu})|(?<word>[\p{L}\p{M}\p{N}]+(?:[\-'’][\p{L}\p{M}\p{N}]+)*)|(?<punct>\S)", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5);
        foreach (Match m in TokenPattern().Matches(text))
        {
            if (m.Groups["word"].Success)
            {
                var value = m.Value;
                // "Iraq’s" is the name "Iraq" and a possessive.
                if (value.Length > 2 && value[^1] is 's' && value[^2] is '\'' or '’')
                {
                    tokens.Add(new Token(value[..^2], m.Index, m.Index + value.Length - 2, TokenKind.Word));
                    tokens.Add(new Token(value[^2..], m.Index + value.Length - 2, m.Index + value.Length, TokenKind.Word));
                }
                else
                {
                    tokens.Add(new Token(value, m.Index, m.Index + m.Length, TokenKind.Word));
                }
            }
            else if (m.Groups["abbr"].Success)
            {
                tokens.Add(new Token(m.Value, m.Index, m.Index + m.Length, TokenKind.Word));
            }
            else if (m.Groups["num"].Success)
            {
                tokens.Add(new Token(m.Value, m.Index, m.Index + m.Length, TokenKind.Number));
            }
            else
            {
                tokens.Add(new Token(m.Value, m.Index, m.Index + m.Length, TokenKind.Punctuation));
            }
        }

        return tokens;
    }
}
