namespace NewsCorpus.Analysis.Compare;

/// <summary>An article's sentences indexed for finding copies of other sentences in it: by exact key and by content stem.</summary>
public sealed class SentenceIndex
{
    private readonly HashSet<long> _keys;
    private Dictionary<int, List<int>>? _byStem;

    public SentenceIndex(IReadOnlyList<SentencePrint> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        Sentences = sentences;
        _keys = [.. sentences.Select(s => s.KeyHash)];
    }

    // Built when an edited sentence is first looked for: most articles compared share no sentence with the other and
    // never need it. Two threads may both build it; the first one published is kept, and either is the same.
    private Dictionary<int, List<int>> ByStem => _byStem ?? BuildByStem();

    private Dictionary<int, List<int>> BuildByStem()
    {
        var byStem = new Dictionary<int, List<int>>();
        for (var i = 0; i < Sentences.Count; i++)
        {
            foreach (var stem in Sentences[i].ContentStems)
            {
                if (!byStem.TryGetValue(stem, out var list))
                {
                    byStem[stem] = list = [];
                }

                list.Add(i);
            }
        }

        return Interlocked.CompareExchange(ref _byStem, byStem, null) ?? byStem;
    }

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
            if (byStem.TryGetValue(stem, out var list))
            {
                foreach (var i in list)
                {
                    scratch[i]++;
                }
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
