using NewsCorpus.Analysis.Language;

namespace NewsCorpus.Analysis.Entities.Tagging;

/// <summary>What the tagger reads of one sentence: its words as the training text splits them, the rules' mark on each, and the first token of each.</summary>
public sealed record TaggerInput(string[] Words, string?[] Marks, int[] FirstTokens);

/// <summary>A text's sentences as the tagger's input: the analyzer's tokens re-joined where the training text keeps them whole.</summary>
public static class TaggerInputs
{
    /// <summary>The tagger's input for each sentence, in order; <paramref name="rules"/> ordered by start.</summary>
    public static IEnumerable<TaggerInput> For(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences, List<EntityMention> rules)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var words = new List<string>();
        var firstTokens = new List<int>();
        var spans = new List<(int Start, int End)>();
        var cursor = 0;
        foreach (var sentence in sentences)
        {
            TrainingWords(text, tokens, sentence, words, firstTokens);
            spans.Clear();
            for (var w = 0; w < firstTokens.Count; w++)
            {
                var last = w + 1 < firstTokens.Count ? firstTokens[w + 1] - 1 : sentence.LastToken;
                spans.Add((tokens[firstTokens[w]].Start, tokens[last].End));
            }

            yield return new TaggerInput([.. words], RuleMarks.ForWords(spans, rules, ref cursor), [.. firstTokens]);
        }
    }

    /// <summary>
    /// The sentence's words as the training text splits them: an abbreviation keeps its full stop ("P.", "Corp.") unless it
    /// ends the sentence, numbers joined by hyphens or slashes are one word ("1996-08-30", "4-38"), quotes are straight.
    /// </summary>
    private static void TrainingWords(string text, IReadOnlyList<Token> tokens, Sentence sentence, List<string> words, List<int> firstTokens)
    {
        words.Clear();
        firstTokens.Clear();
        var k = sentence.FirstToken;
        while (k <= sentence.LastToken)
        {
            var end = k;
            if (tokens[k].Kind == TokenKind.Word && k + 1 < sentence.LastToken && tokens[k + 1].Is(".") && tokens[k + 1].Start == tokens[k].End)
            {
                end = k + 1;
            }
            else
            {
                while (end + 2 <= sentence.LastToken && IsNumber(tokens[end]) && tokens[end + 1].Text is "-" or "/" && IsNumber(tokens[end + 2])
                       && tokens[end + 1].Start == tokens[end].End && tokens[end + 2].Start == tokens[end + 1].End)
                {
                    end += 2;
                }
            }

            firstTokens.Add(k);
            words.Add(end == k ? AsTrained(tokens[k].Text) : text[tokens[k].Start..tokens[end].End]);
            k = end + 1;
        }
    }

    private static bool IsNumber(Token token) => token.Text.Length > 0 && char.IsDigit(token.Text[0]);

    // The training text writes straight quotes and apostrophes.
    private static string AsTrained(string word) => word switch
    {
        "“" or "”" => "\"",
        "‘" or "’" => "'",
        "’s" => "'s",
        _ => word.Contains('’', StringComparison.Ordinal) ? word.Replace('’', '\'') : word,
    };
}
