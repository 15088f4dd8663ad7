using NewsCorpus.Analysis.Language;

namespace NewsCorpus.Analysis.Entities.Tagging;

/// <summary>
/// What the rule-based recognizer says of each word, given to the tagger as a feature ("PB": the first word of a person
/// the rules found, "LI": inside a place, "GB": a group adjective; null: no name). The weights learn how far to trust
/// each reading, so the rules inform the tagger's decision without making it.
/// </summary>
public static class RuleMarks
{
    /// <summary>The rules' names in a text: the recognizer's spans with person names cleaned.</summary>
    public static List<EntityMention> Read(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences) =>
        PersonNames.Default.Clean(text, tokens, sentences, EntityRecognizer.Default.Recognize(text, tokens, sentences));

    /// <summary>The mark of each word, the words given by their character spans in the text, in order.</summary>
    public static string?[] ForWords(IReadOnlyList<(int Start, int End)> words, IReadOnlyList<EntityMention> mentions)
    {
        var cursor = 0;
        return ForWords(words, mentions, ref cursor);
    }

    /// <summary>
    /// The same, for one sentence after another: <paramref name="cursor"/> carries where the mentions before this
    /// sentence end, so a document's mentions are walked once, not once per sentence.
    /// </summary>
    public static string?[] ForWords(IReadOnlyList<(int Start, int End)> words, IReadOnlyList<EntityMention> mentions, ref int cursor)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(mentions);
        var marks = new string?[words.Count];
        if (words.Count == 0)
        {
            return marks;
        }

        while (cursor < mentions.Count && mentions[cursor].End <= words[0].Start)
        {
            cursor++;
        }

        var m = cursor;
        for (var i = 0; i < words.Count; i++)
        {
            var (start, end) = words[i];
            while (m < mentions.Count && mentions[m].End <= start)
            {
                m++;
            }

            if (m < mentions.Count && mentions[m].Start < end)
            {
                marks[i] = Mark(mentions[m].Type, begins: mentions[m].Start >= start);
            }
        }

        return marks;
    }

    /// <summary>
    /// A CoNLL document with the rules' marks on every sentence: its sentences are written out one a line, words
    /// separated by spaces, and read by the rules as one text, as the analyzer reads an article.
    /// </summary>
    public static List<TaggedSentence> Mark(IReadOnlyList<TaggedSentence> document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new System.Text.StringBuilder();
        var spans = new List<(int Start, int End)>();
        foreach (var sentence in document)
        {
            foreach (var word in sentence.Words)
            {
                spans.Add((text.Length, text.Length + word.Length));
                text.Append(word).Append(' ');
            }

            text.Length--;
            text.Append('\n');
        }

        var content = text.ToString();
        var tokens = Tokenizer.Tokenize(content);
        var mentions = Read(content, tokens, SentenceSplitter.Split(content, tokens));
        mentions.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var marks = ForWords(spans, mentions);
        var result = new List<TaggedSentence>(document.Count);
        var offset = 0;
        foreach (var sentence in document)
        {
            result.Add(sentence with { Rules = marks[offset..(offset + sentence.Words.Length)] });
            offset += sentence.Words.Length;
        }

        return result;
    }

    private static string Mark(EntityType type, bool begins) => (type, begins) switch
    {
        (EntityType.Person, true) => "PB",
        (EntityType.Person, false) => "PI",
        (EntityType.Organization, true) => "OB",
        (EntityType.Organization, false) => "OI",
        (EntityType.Location, true) => "LB",
        (EntityType.Location, false) => "LI",
        (_, true) => "GB",
        _ => "GI",
    };
}
