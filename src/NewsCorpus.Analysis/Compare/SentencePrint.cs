namespace NewsCorpus.Analysis.Compare;

/// <summary>
/// The numbers a sentence is compared by, the same in every process so they can be stored with the article: stable
/// hashes of its folded words in order and of its content words' stems (sorted, distinct). Sentences with the same
/// words have the same <see cref="KeyHash"/>; comparing two prints never needs the text again.
/// </summary>
public sealed class SentencePrint
{
    public SentencePrint(int[] wordHashes, int[] contentStems)
    {
        ArgumentNullException.ThrowIfNull(wordHashes);
        ArgumentNullException.ThrowIfNull(contentStems);
        WordHashes = wordHashes;
        ContentStems = contentStems;
        KeyHash = StableHash.Of(wordHashes);
    }

    /// <summary>Hashes of the folded words, in order.</summary>
    public int[] WordHashes { get; }

    /// <summary>Hashes of the content words' stems, sorted and distinct: shared content is a merge of two short arrays.</summary>
    public int[] ContentStems { get; }

    /// <summary>Hash of the whole word sequence: equal for the same sentence word for word.</summary>
    public long KeyHash { get; }

    public int WordCount => WordHashes.Length;

    /// <summary>The print of a sentence's folded words.</summary>
    public static SentencePrint Of(IReadOnlyList<ComparableWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var hashes = new int[words.Count];
        var stems = new List<int>();
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = StableHash.Of(words[i].Folded);
            if (Words.IsContent(words[i]))
            {
                stems.Add(StableHash.Of(Words.Stem(words[i].Folded)));
            }
        }

        stems.Sort();
        return new SentencePrint(hashes, [.. stems.Distinct()]);
    }
}

/// <summary>
/// FNV-1a hashes that do not change between processes or runs (the runtime's string hash does): what is stored
/// must be comparable with what a later run computes.
/// </summary>
public static class StableHash
{
    private const uint Offset32 = 2166136261;
    private const uint Prime32 = 16777619;
    private const ulong Offset64 = 14695981039346656037;
    private const ulong Prime64 = 1099511628211;

    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = Offset32;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime32;
            hash = (hash ^ (byte)(c >> 8)) * Prime32;
        }

        return unchecked((int)hash);
    }

    /// <summary>A 64-bit hash of a text: for keys whose collisions would matter over a whole corpus's vocabulary.</summary>
    public static long Of64(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = Offset64;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime64;
            hash = (hash ^ (byte)(c >> 8)) * Prime64;
        }

        return unchecked((long)hash);
    }

    /// <summary>One 64-bit hash of a sequence of hashes.</summary>
    public static long Of(ReadOnlySpan<int> values)
    {
        var hash = Offset64;
        foreach (var value in values)
        {
            hash = (hash ^ (uint)value) * Prime64;
        }

        return unchecked((long)hash);
    }
}
