namespace NewsCorpus.Analysis.Entities.Tagging;

/// <summary>A sentence's words and, for training and scoring, their gold tags (TagSet indexes).</summary>
public sealed record TaggedSentence(string[] Words, int[] Tags)
{
    /// <summary>The rules' mark on each word (<see cref="RuleMarks"/>), when they have read the sentence's document.</summary>
    public string?[]? Rules { get; init; }

    /// <summary>Reads CoNLL-2003 columns as documents (split at -DOCSTART- lines), each a list of sentences.</summary>
    public static List<List<TaggedSentence>> ReadConllDocuments(IEnumerable<string> lines)
    {
        var documents = new List<List<TaggedSentence>>();
        var current = new List<string>();
        foreach (var line in lines.Append("-DOCSTART-"))
        {
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (ReadConll(current) is { Count: > 0 } document)
                {
                    documents.Add(document);
                }

                current.Clear();
                continue;
            }

            current.Add(line);
        }

        return documents;
    }

    /// <summary>CoNLL documents with the rules' marks on every word, as the tagger is trained and scored.</summary>
    public static List<TaggedSentence> ReadConllWithRules(IEnumerable<string> lines) =>
        [.. ReadConllDocuments(lines).SelectMany(RuleMarks.Mark)];

    /// <summary>Reads CoNLL-2003 columns (word first, IOB1 tag last); -DOCSTART- lines and blank lines end sentences.</summary>
    public static List<TaggedSentence> ReadConll(IEnumerable<string> lines)
    {
        var sentences = new List<TaggedSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        void Flush()
        {
            if (words.Count > 0)
            {
                sentences.Add(new TaggedSentence([.. words], TagSet.FromIob1(tags)));
                words.Clear();
                tags.Clear();
            }
        }

        foreach (var line in lines)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2 || fields[0] == "-DOCSTART-")
            {
                Flush();
                continue;
            }

            words.Add(fields[0]);
            tags.Add(fields[^1]);
        }

        Flush();
        return sentences;
    }

    /// <summary>Gold or predicted names as (start word, end word exclusive, type) spans.</summary>
    public static List<(int Start, int End, string Type)> Spans(int[] tags)
    {
        var spans = new List<(int, int, string)>();
        for (var i = 0; i < tags.Length; i++)
        {
            if (tags[i] == TagSet.O || TagSet.IsInside(tags[i]) && i > 0 && tags[i - 1] != TagSet.O && TagSet.TypeOf(tags[i - 1]) == TagSet.TypeOf(tags[i]))
            {
                continue;
            }

            var end = i + 1;
            while (end < tags.Length && TagSet.IsInside(tags[end]) && TagSet.TypeOf(tags[end]) == TagSet.TypeOf(tags[i]))
            {
                end++;
            }

            spans.Add((i, end, TagSet.TypeOf(tags[i])));
        }

        return spans;
    }
}
