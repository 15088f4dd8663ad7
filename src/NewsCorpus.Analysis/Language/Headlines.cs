namespace NewsCorpus.Analysis.Language;

/// <summary>
/// Title Case lines in a text (headlines, crossheads, related links kept by a page): capitals there are style, not
/// evidence of names, and a quote there is said by whoever the line itself names, not by the nearest name around it.
/// </summary>
public static class Headlines
{
    private static readonly HashSet<string> s_smallWords = new(StringComparer.Ordinal)
    {
        "In", "As", "The", "Of", "For", "To", "With", "After", "On", "At", "And", "From", "Over", "About", "Is", "Are", "By",
    };

    /// <summary>Sentences of at least four words, three in four of them capitalised, one a small word after the first.</summary>
    public static List<(int Start, int End)> Ranges(IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences)
    {
        var ranges = new List<(int, int)>();
        foreach (var sentence in sentences)
        {
            int words = 0, capitalised = 0, smallWords = 0;
            for (var k = sentence.FirstToken; k <= sentence.LastToken; k++)
            {
                var token = tokens[k];
                if (token.Kind != TokenKind.Word || !char.IsLetter(token.Text[0]))
                {
                    continue;
                }

                words++;
                if (char.IsUpper(token.Text[0]))
                {
                    capitalised++;
                    smallWords += k > sentence.FirstToken && s_smallWords.Contains(token.Text) ? 1 : 0;
                }
            }

            if (words >= 4 && capitalised >= words * 0.75 && smallWords > 0)
            {
                ranges.Add((sentence.Start, sentence.End));
            }
        }

        return ranges;
    }

    public static (int Start, int End)? Containing(List<(int Start, int End)> ranges, int start, int end)
    {
        foreach (var range in ranges)
        {
            if (start >= range.Start && end <= range.End)
            {
                return range;
            }
        }

        return null;
    }
}
