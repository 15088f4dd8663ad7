using NewsCorpus.Analysis.Language;

namespace NewsCorpus.Analysis.Compare;

/// <summary>A sentence of an article prepared for comparison: its words folded, its content stems and word pairs.</summary>
public sealed class ComparableSentence
{
    private ComparableSentence(int index, int paragraph, int start, string text, List<ComparableWord> words)
    {
        Index = index;
        Paragraph = paragraph;
        Start = start;
        Text = text;
        Words = words;
        Key = string.Join(' ', words.Select(w => w.Folded));
        Print = SentencePrint.Of(words);
    }

    /// <summary>Position of the sentence in its article, from 0.</summary>
    public int Index { get; }

    public int Paragraph { get; }

    /// <summary>Where the sentence starts in its paragraph.</summary>
    public int Start { get; }

    public string Text { get; }

    /// <summary>The words with offsets into <see cref="Text"/>.</summary>
    public IReadOnlyList<ComparableWord> Words { get; }

    /// <summary>The folded words joined: two sentences with the same key are the same sentence.</summary>
    public string Key { get; }

    /// <summary>What the sentence is compared by: hashes of its words and content stems.</summary>
    public SentencePrint Print { get; }

    /// <summary>An article's paragraphs as sentences; empty sentences (no word) are left out.</summary>
    public static List<ComparableSentence> FromParagraphs(IReadOnlyList<string> paragraphs)
    {
        var sentences = new List<ComparableSentence>();
        foreach (var (p, paragraph, sentence, tokens) in Split(paragraphs))
        {
            var raw = paragraph[sentence.Start..sentence.End];
            var start = sentence.Start + raw.Length - raw.TrimStart().Length;
            var words = Compare.Words.Of(tokens, sentence.FirstToken, sentence.TokenCount, start);
            if (words.Count > 0)
            {
                sentences.Add(new ComparableSentence(sentences.Count, p, start, raw.Trim(), words));
            }
        }

        return sentences;
    }

    /// <summary>
    /// Only the prints of the sentences <see cref="FromParagraphs"/> gives, without their text and keys: what the
    /// analysis stores for every article.
    /// </summary>
    public static List<SentencePrint> PrintsOf(IReadOnlyList<string> paragraphs)
    {
        var prints = new List<SentencePrint>();
        foreach (var (_, _, sentence, tokens) in Split(paragraphs))
        {
            var words = Compare.Words.Of(tokens, sentence.FirstToken, sentence.TokenCount, sentence.Start);
            if (words.Count > 0)
            {
                prints.Add(SentencePrint.Of(words));
            }
        }

        return prints;
    }

    private static IEnumerable<(int Index, string Paragraph, Sentence Sentence, IReadOnlyList<Token> Tokens)> Split(IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var tokens = Tokenizer.Tokenize(paragraphs[p]);
            foreach (var sentence in SentenceSplitter.Split(paragraphs[p], tokens))
            {
                yield return (p, paragraphs[p], sentence, tokens);
            }
        }
    }
}
