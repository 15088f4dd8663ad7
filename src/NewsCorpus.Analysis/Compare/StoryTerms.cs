namespace NewsCorpus.Analysis.Compare;

/// <summary>What an article is about, as counts of content-word stems (headline words count twice). Stored with the article.</summary>
public static class StoryTerms
{
    /// <summary>Most terms kept per article: enough to tell events apart, small enough to store and compare fast.</summary>
    public const int MaxTerms = 100;

    public static Dictionary<string, int> Count(string title, IEnumerable<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        Add(counts, title, 2);
        foreach (var paragraph in paragraphs)
        {
            Add(counts, paragraph, 1);
        }

        return counts
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The stored form: a version byte, the term count, then per term the 64-bit stable hash of its stem (8 bytes,
    /// little-endian) and its count (7-bit varint). Read back by <see cref="StoryVocabulary.Read"/> straight into numbers.
    /// </summary>
    public static byte[] Write(IReadOnlyDictionary<string, int> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(Version);
        writer.Write7BitEncodedInt(terms.Count);
        foreach (var (term, count) in terms.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            writer.Write(StableHash.Of64(term));
            writer.Write7BitEncodedInt(count);
        }

        writer.Flush();
        return stream.ToArray();
    }

    internal const byte Version = 1;

    private static void Add(Dictionary<string, int> counts, string text, int weight)
    {
        foreach (var word in Words.Of(text))
        {
            // Letters only: numbers and years say little about which event a story is.
            if (word.IsNumber || word.Folded.Length < 3 || Words.IsStopword(word.Folded) || !char.IsLetter(word.Folded[0]))
            {
                continue;
            }

            var stem = Words.Stem(word.Folded);
            counts[stem] = counts.GetValueOrDefault(stem) + weight;
        }
    }
}
