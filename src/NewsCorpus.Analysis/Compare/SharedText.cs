namespace NewsCorpus.Analysis.Compare;

/// <summary>Syndication: how much of one article's text another carries, sentence by sentence.</summary>
public static class SharedText
{
    /// <summary>How many of <paramref name="article"/>'s sentences appear in <paramref name="other"/> word for word or lightly edited.</summary>
    public static int SharedSentences(IReadOnlyList<ComparableSentence> article, IReadOnlyList<ComparableSentence> other)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(other);
        var keys = new HashSet<string>(other.Select(s => s.Key), StringComparer.Ordinal);
        var shared = 0;
        foreach (var sentence in article)
        {
            if (keys.Contains(sentence.Key) || other.Any(o => SentenceSimilarity.Compare(sentence, o).Match >= SentenceMatch.Edited))
            {
                shared++;
            }
        }

        return shared;
    }
}
