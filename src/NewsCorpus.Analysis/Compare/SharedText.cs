namespace NewsCorpus.Analysis.Compare;

/// <summary>An article's sentences indexed for finding copies of other sentences in it: by exact key and by content stem.</summary>
public sealed class SentenceIndex
{
    private readonly HashSet<long> _keys;
    private StemPostings? _byStem;

    public SentenceIndex(IReadOnlyList<SentencePrint> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        Sentences = sentences;
        _keys = [.. sentences.Select(s => s.KeyHash)];
    }

    // Built when an edited sentence is first looked for: most articles compared share no sentence with the other and
    // never need it. Two threads may both build it; the first one published is kept, and either is the same.
    private StemPostings ByStem => _byStem ?? Interlocked.CompareExchange(ref _byStem, StemPostings.Of(Sentences), null) ?? _byStem!;

    public IReadOnlyList<SentencePrint> Sentences { get; }

    /// <summary>Whether any of <paramref name="sentences"/> is in this article word for word: copies always share some.</summary>
    public bool SharesAnyExactly(IReadOnlyList<SentencePrint> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return sentences.Any(s => _keys.Contains(s.KeyHash));
    }

    /// <summary>Whether this article carries <paramref name="sentence"/> word for word or lightly edited.</summary>
    public bool Carries(SentencePrint sentence, int[] scratch)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(scratch);
        if (_keys.Contains(sentence.KeyHash))
        {
            return true;
        }

        // Only sentences sharing content words can be edits of each other: the stem index finds them.
        Array.Clear(scratch, 0, Sentences.Count);
        var byStem = ByStem;
        foreach (var stem in sentence.ContentStems)
        {
            foreach (var i in byStem.SentencesWith(stem))
            {
                scratch[i]++;
            }
        }

        for (var i = 0; i < Sentences.Count; i++)
        {
            // scratch[i] is the number of content stems the two share (stems are distinct within a sentence):
            // the overlap and length tests Compare starts with are made here first, without the call.
            if (scratch[i] > 0 && SentenceSimilarity.MayBeEdit(sentence, Sentences[i], scratch[i])
                && SentenceSimilarity.Compare(sentence, Sentences[i]).Match >= SentenceMatch.Edited)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Which sentences of an article hold each content stem, in three flat arrays (the distinct stems sorted, where each
/// one's sentences start, the sentence numbers): built for thousands of compared articles per run, a list per stem
/// would be hundreds of small objects each.
/// </summary>
internal sealed class StemPostings(int[] stems, int[] starts, int[] sentences)
{
    public static StemPostings Of(IReadOnlyList<SentencePrint> printed)
    {
        var pairs = new List<long>();
        for (var i = 0; i < printed.Count; i++)
        {
            foreach (var stem in printed[i].ContentStems)
            {
                pairs.Add(((long)stem << 32) | (uint)i);
            }
        }

        pairs.Sort();
        var stems = new List<int>();
        var starts = new List<int>();
        var sentences = new int[pairs.Count];
        for (var k = 0; k < pairs.Count; k++)
        {
            var stem = (int)(pairs[k] >> 32);
            if (stems.Count == 0 || stems[^1] != stem)
            {
                stems.Add(stem);
                starts.Add(k);
            }

            sentences[k] = (int)pairs[k];
        }

        starts.Add(pairs.Count);
        return new StemPostings([.. stems], [.. starts], sentences);
    }

    public ReadOnlySpan<int> SentencesWith(int stem)
    {
        var k = Array.BinarySearch(stems, stem);
        return k < 0 ? [] : sentences.AsSpan(starts[k], starts[k + 1] - starts[k]);
    }
}

/// <summary>Syndication: how much of one article's text another carries, sentence by sentence.</summary>
public static class SharedText
{
    /// <summary>How many of <paramref name="article"/>'s sentences appear in <paramref name="other"/> word for word or lightly edited.</summary>
    public static int SharedSentences(IReadOnlyList<ComparableSentence> article, IReadOnlyList<ComparableSentence> other)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(other);
        return SharedSentences([.. article.Select(s => s.Print)], new SentenceIndex([.. other.Select(s => s.Print)]));
    }

    public static int SharedSentences(IReadOnlyList<SentencePrint> article, SentenceIndex other)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(other);
        var scratch = new int[other.Sentences.Count];
        return article.Count(sentence => other.Carries(sentence, scratch));
    }
}
