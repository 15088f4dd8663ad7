using DiffPlex;
using DiffPlex.Model;

namespace NewsCorpus.Analysis.Compare;

/// <summary>How two sentences relate: the same words, the same words lightly edited, the same content reworded, or nothing.</summary>
public enum SentenceMatch
{
    Unique,
    Reworded,
    Edited,
    Identical,
}

/// <summary>Word-level comparison of two sentences.</summary>
public static class SentenceSimilarity
{
    /// <summary>Share of words kept in order (2·LCS / total) from which a sentence counts as an edit of another.</summary>
    public const double EditedThreshold = 0.6;

    /// <summary>Dice overlap of content stems from which two sentences say the same thing in other words.</summary>
    public const double RewordedThreshold = 0.45;

    /// <summary>Fewest content stems two sentences must share to count as reworded: short sentences meet too easily.</summary>
    public const int RewordedMinShared = 3;

    /// <summary>Below this content overlap two sentences are neither edits nor rewordings of each other: an edit keeps most content words.</summary>
    private const double MinContentOverlap = 0.3;

    private static readonly Differ s_differ = new();

    /// <summary>The relation and a score in [0, 3] for ranking candidate pairs (higher is closer).</summary>
    public static (SentenceMatch Match, double Score) Compare(ComparableSentence a, ComparableSentence b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Compare(a.Print, b.Print);
    }

    /// <summary>
    /// The same from the sentences' prints. Equal word sequences are told by their 64-bit hash and words by their
    /// 32-bit hashes: a collision that changes a verdict is far rarer than any error of the thresholds.
    /// </summary>
    public static (SentenceMatch Match, double Score) Compare(SentencePrint a, SentencePrint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.KeyHash == b.KeyHash && a.WordCount == b.WordCount)
        {
            return (SentenceMatch.Identical, 3);
        }

        var shared = SharedCount(a.ContentStems, b.ContentStems);
        var dice = Dice(a, b, shared);
        if (TooLittleShared(shared, dice))
        {
            return (SentenceMatch.Unique, 0);
        }

        // The common subsequence is the costly part: skip it when the lengths alone rule out an edit.
        var total = a.WordCount + b.WordCount;
        var kept = 2.0 * Math.Min(a.WordCount, b.WordCount) / total >= EditedThreshold
            ? 2.0 * CommonSubsequenceLength(a, b) / total
            : 0;
        if (kept >= EditedThreshold)
        {
            return (SentenceMatch.Edited, 2 + kept);
        }

        if (dice >= RewordedThreshold && shared >= Math.Min(RewordedMinShared, Math.Min(a.ContentStems.Length, b.ContentStems.Length)) && shared >= 2)
        {
            return (SentenceMatch.Reworded, 1 + dice);
        }

        return (SentenceMatch.Unique, 0);
    }

    /// <summary>Which words of each sentence the other lacks (by a word-level diff).</summary>
    public static (bool[] ChangedInA, bool[] ChangedInB) Differences(ComparableSentence a, ComparableSentence b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var changedA = new bool[a.Words.Count];
        var changedB = new bool[b.Words.Count];
        foreach (var block in Diff(a, b).DiffBlocks)
        {
            for (var i = 0; i < block.DeleteCountA; i++)
            {
                changedA[block.DeleteStartA + i] = true;
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                changedB[block.InsertStartB + i] = true;
            }
        }

        return (changedA, changedB);
    }

    /// <summary>
    /// False when two sentences sharing <paramref name="sharedStems"/> content stems cannot be an edit of each
    /// other: the cheap tests <see cref="Compare(SentencePrint, SentencePrint)"/> starts with (content overlap, then
    /// lengths), for callers that already know the shared count and want to skip most pairs without computing it again.
    /// </summary>
    public static bool MayBeEdit(SentencePrint a, SentencePrint b, int sharedStems)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.KeyHash == b.KeyHash)
        {
            return true;
        }

        return !TooLittleShared(sharedStems, Dice(a, b, sharedStems))
            && 2.0 * Math.Min(a.WordCount, b.WordCount) / (a.WordCount + b.WordCount) >= EditedThreshold;
    }

    private static double Dice(SentencePrint a, SentencePrint b, int shared)
    {
        var contentTotal = a.ContentStems.Length + b.ContentStems.Length;
        return contentTotal == 0 ? 0 : 2.0 * shared / contentTotal;
    }

    private static bool TooLittleShared(int shared, double dice) => (shared < 2 && dice < 0.5) || dice < MinContentOverlap;

    private static int SharedCount(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    /// <summary>
    /// Length of the longest common subsequence of the two sentences' words. With up to 64 words on the shorter side
    /// (nearly every sentence) it is computed bit-parallel (Hyyrö 2004: one pass over the longer sentence with a
    /// 64-bit vector): counting shared sentences across a corpus compares millions of sentence pairs.
    /// </summary>
    internal static int CommonSubsequenceLength(SentencePrint a, SentencePrint b)
    {
        var (pattern, text) = a.WordCount <= b.WordCount ? (a.WordHashes, b.WordHashes) : (b.WordHashes, a.WordHashes);
        var m = pattern.Length;
        if (m > 64)
        {
            return TableCommonSubsequenceLength(pattern, text);
        }

        var v = ulong.MaxValue;
        foreach (var hash in text)
        {
            var matches = 0UL;
            for (var i = 0; i < m; i++)
            {
                if (pattern[i] == hash)
                {
                    matches |= 1UL << i;
                }
            }

            var u = v & matches;
            v = (v + u) | (v - u);
        }

        var mask = m == 64 ? ulong.MaxValue : (1UL << m) - 1;
        return m - System.Numerics.BitOperations.PopCount(v & mask);
    }

    /// <summary>The textbook dynamic programme, two rows at a time: for the rare sentence of more than 64 words.</summary>
    internal static int TableCommonSubsequenceLength(int[] a, int[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        foreach (var word in a)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = word == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static DiffResult Diff(ComparableSentence a, ComparableSentence b) =>
        s_differ.CreateDiffs(a.Key, b.Key, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);

    // Keys are folded words joined by single spaces, so a split on the space gives exactly the words.
    private sealed class WordChunker : IChunker
    {
        public static readonly WordChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Split(' ');
    }
}
