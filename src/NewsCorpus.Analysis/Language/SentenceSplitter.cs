namespace NewsCorpus.Analysis.Language;

/// <summary>A sentence's span in the text and the range of its tokens.</summary>
public readonly record struct Sentence(int Start, int End, int FirstToken, int TokenCount)
{
    public int LastToken => FirstToken + TokenCount - 1;
}

/// <summary>
/// Splits news text into sentences: after . ! ? (and closing quotes or brackets) before a capital,
/// never after titles and initials (Mr., Gen., J.), after U.S. only when a new sentence clearly starts,
/// and always at a paragraph break.
/// </summary>
public static class SentenceSplitter
{
    private static readonly IReadOnlySet<string> s_noBreakAbbreviations = Lexicon.Abbreviations;

    // After these abbreviations a sentence may still end, if the next word clearly starts one.
    private static readonly IReadOnlySet<string> s_endingAbbreviations = Lexicon.ClosingAbbreviations;

    private static readonly HashSet<string> s_sentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There", "In", "On", "At",
        "But", "And", "Or", "So", "Yet", "If", "When", "While", "After", "Before", "As", "Since", "Meanwhile", "However", "Its",
        "His", "Her", "Their", "Our", "My", "Some", "Many", "Most", "Other", "Others", "No", "Not", "All", "Both", "Earlier", "Later",
    };

    public static List<Sentence> Split(string text, IReadOnlyList<Token> tokens)
    {
        var sentences = new List<Sentence>();
        var first = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var end = EndOfBoundary(text, tokens, i);
            if (end < 0)
            {
                continue;
            }

            sentences.Add(new Sentence(tokens[first].Start, tokens[end].End, first, end - first + 1));
            first = end + 1;
            i = end;
        }

        if (first < tokens.Count)
        {
            sentences.Add(new Sentence(tokens[first].Start, tokens[^1].End, first, tokens.Count - first));
        }

        return sentences;
    }

    public static List<Sentence> Split(string text) => Split(text, Tokenizer.Tokenize(text));

    /// <summary>When a sentence ends at token <paramref name="i"/>, the index of its last token (closing marks included); else -1.</summary>
    private static int EndOfBoundary(string text, IReadOnlyList<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Count)
        {
            return -1;
        }

        // A paragraph break ends a sentence whatever comes before it.
        if (HasParagraphBreak(text, tokens[i].End, tokens[i + 1].Start))
        {
            return i;
        }

        var token = tokens[i];
        var isTerminal = token.Text is "." or "!" or "?" or "…";
        var isDottedAbbreviation = token.Kind == TokenKind.Word && token.Text.EndsWith('.');
        if (!isTerminal && !isDottedAbbreviation)
        {
            return -1;
        }

        var last = i;
        while (last + 1 < tokens.Count && tokens[last + 1].Text is "”" or "’" or "\"" or "'" or ")" or "]" && tokens[last + 1].Start == tokens[last].End)
        {
            last++;
        }

        if (last + 1 >= tokens.Count)
        {
            return -1;
        }

        var next = tokens[last + 1];
        if (next.Start == tokens[last].End)
        {
            return -1; // "5.5", "U.S.-led": no space, no break
        }

        var startsSentence = next.IsCapitalized || next.Kind == TokenKind.Number || next.Text is "“" or "\"" or "‘" or "(" or "[" or "'";
        if (!startsSentence)
        {
            return -1;
        }

        if (isDottedAbbreviation)
        {
            // "U.S. The" ends a sentence; "U.S. Army" does not.
            return s_sentenceStarters.Contains(next.Text) || next.Text is "“" or "\"" ? last : -1;
        }

        if (token.Text == "." && i > 0 && tokens[i - 1].End == token.Start)
        {
            var previous = tokens[i - 1].Text;
            if (s_noBreakAbbreviations.Contains(previous))
            {
                return s_endingAbbreviations.Contains(previous) && s_sentenceStarters.Contains(next.Text) ? last : -1;
            }

            if (previous.Length == 1 && char.IsUpper(previous[0]))
            {
                return -1; // an initial: "J. K. Rowling"
            }
        }

        return last;
    }

    private static bool HasParagraphBreak(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (text[k] == '\n')
            {
                return true;
            }
        }

        return false;
    }
}
