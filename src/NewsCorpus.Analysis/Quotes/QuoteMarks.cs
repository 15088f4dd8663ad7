using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Analysis.Quotes;

/// <summary>A stretch of text between quotation marks: its marks, content, and the paragraphs it spans.</summary>
public sealed record QuotedSpan(int Start, int End, IReadOnlyList<(int Start, int End)> Contents, bool SingleMarks)
{
    /// <summary>The quoted words, paragraphs joined by a space.</summary>
    public string ContentText(string text) => string.Join(' ', Contents.Select(c => text[c.Start..c.End].Trim()));
}

/// <summary>
/// Pairs quotation marks: curly and straight doubles (nested singles inside them are part of the quote),
/// top-level single quotes, and quotes that run over paragraphs (a paragraph ending inside an open quote
/// continues when the next paragraph opens with a quote mark).
/// </summary>
public static class QuoteMarks
{
    private const int MaxSingleQuoteLength = 400;

    public static List<QuotedSpan> Find(string text)
    {
        var spans = new List<QuotedSpan>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var doubledSingle = IsDoubledSingle(text, i);
            if (c is '“' || (c == '"' && OpensStraight(text, i)) || (doubledSingle && OpensStraight(text, i))
                || (c == '”' && (i == 0 || text[i - 1] == '\n') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
            {
                i = ReadDouble(text, i, spans);
            }
            else if ((c is '‘' or '\'') && OpensSingle(text, i))
            {
                i = ReadSingle(text, i, spans);
            }
            else
            {
                i++;
            }
        }

        return spans;
    }

    // Some archives write a double quote as two apostrophes: ''It was a deal,'' he said.
    private static bool IsDoubledSingle(string text, int i) => text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'';

    private static int MarkLength(string text, int i) => IsDoubledSingle(text, i) ? 2 : 1;

    private static bool OpensStraight(string text, int i)
    {
        var after = i + MarkLength(text, i);
        return (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or '–' or '-' or ':' or '/' or '‘' or '\'' or '“')
            && after < text.Length && !char.IsWhiteSpace(text[after]);
    }

    private static bool OpensSingle(string text, int i) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or '–' or ':' or '“' or '"')
        && i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] is '[' or '.' or '…');

    private static bool ClosesStraight(string text, int i)
    {
        var after = i + MarkLength(text, i);
        return after >= text.Length || !char.IsLetterOrDigit(text[after]);
    }

    private static int ReadDouble(string text, int open, List<QuotedSpan> spans)
    {
        var contents = new List<(int, int)>();
        var contentStart = open + MarkLength(text, open);
        var depth = 0;
        var i = contentStart;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                // A quote that reaches the end of its paragraph goes on only if the next paragraph opens a quote.
                contents.Add((contentStart, i));
                var next = i;
                while (next < text.Length && char.IsWhiteSpace(text[next]))
                {
                    next++;
                }

                if (next < text.Length && (text[next] is '“' or '"' || IsDoubledSingle(text, next)))
                {
                    contentStart = next + MarkLength(text, next);
                    i = contentStart;
                    depth = 0;
                    continue;
                }

                spans.Add(new QuotedSpan(open, i, contents, SingleMarks: false));
                return i;
            }

            if (c == '“')
            {
                depth++;
            }
            else if (c == '”' || (c == '"' && ClosesStraight(text, i)) || (IsDoubledSingle(text, i) && ClosesStraight(text, i)))
            {
                if (depth > 0 && c == '”')
                {
                    depth--;
                }
                else
                {
                    var end = i + MarkLength(text, i);
                    contents.Add((contentStart, i));
                    spans.Add(new QuotedSpan(open, end, contents, SingleMarks: false));
                    return end;
                }
            }
            else if (IsDoubledSingle(text, i))
            {
                i += 2;
                continue;
            }

            i++;
        }

        contents.Add((contentStart, text.Length));
        spans.Add(new QuotedSpan(open, text.Length, contents, SingleMarks: false));
        return text.Length;
    }

    private static int ReadSingle(string text, int open, List<QuotedSpan> spans)
    {
        for (var i = open + 1; i < text.Length && i - open < MaxSingleQuoteLength; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                break;
            }

            // A closing single mark is followed by no letter; "Iran’s" is an apostrophe.
            if (c is '’' or '\'' && !char.IsWhiteSpace(text[i - 1]) && (i + 1 >= text.Length || !char.IsLetter(text[i + 1])))
            {
                // A plural possessive ("the Guards’ Quds Force") is not a closing mark when a word follows directly.
                if (text[i - 1] == 's' && i + 2 < text.Length && text[i + 1] == ' ' && char.IsUpper(text[i + 2]) && TextShape.CountWords(text.AsSpan(open, i - open)) > 6)
                {
                    continue;
                }

                spans.Add(new QuotedSpan(open, i + 1, [(open + 1, i)], SingleMarks: true));
                return i + 1;
            }
        }

        return open + 1; // an apostrophe or a stray mark, not a quote
    }
}
