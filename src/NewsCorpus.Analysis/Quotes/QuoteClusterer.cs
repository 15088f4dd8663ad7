namespace NewsCorpus.Analysis.Quotes;

/// <summary>
/// Groups quotes that are the same statement: identical once case and punctuation are folded, or nearly so. Two
/// quotes are near when the shorter has at least <see cref="MinContentWords"/> content words, at least half of them
/// are in the longer one, most of all its words are, and the two share a long run of words in order; a common phrase
/// or idiom ("all over the place") never joins two statements. A quote joins a statement only when it is near every
/// member checked, so clusters do not chain through intermediate quotes. Candidates come from shared word trigrams,
/// so the work grows with the corpus, not with its square.
/// </summary>
public static class QuoteClusterer
{
    /// <summary>Content words the shorter quote needs before it can join another that is not word for word the same.</summary>
    public const int MinContentWords = 3;

    private const double ContainmentNeeded = 0.8;
    private const double ContentShareNeeded = 0.5;
    private const int LongRun = 4;

    /// <summary>Members a joining quote is compared with (the statement's first, then others): a bound on the work per quote.</summary>
    private const int MembersChecked = 12;

    /// <summary>For each text, the index of its cluster's first member.</summary>
    public static int[] Cluster(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var parent = Enumerable.Range(0, texts.Count).ToArray();

        // The same words are the same statement: such copies (a statement carried by hundreds of articles) are
        // joined at once, and only one of them takes part in the fuzzy matching below.
        var firstWithWords = new Dictionary<string, int>(StringComparer.Ordinal);
        var representatives = new List<QuoteWords>();
        for (var i = 0; i < texts.Count; i++)
        {
            var words = Words(texts[i]);
            var key = string.Join(' ', words);
            if (key.Length > 0 && firstWithWords.TryGetValue(key, out var first))
            {
                parent[i] = first;
            }
            else
            {
                firstWithWords[key] = i;
                representatives.Add(new QuoteWords(i, words));
            }
        }

        JoinNearStatements(representatives, parent);
        return [.. Enumerable.Range(0, texts.Count).Select(i => Find(parent, i))];
    }

    // Longest first, each representative joins the first earlier statement whose checked members it is near, else starts one.
    private static void JoinNearStatements(List<QuoteWords> representatives, int[] parent)
    {
        var order = representatives.Where(r => r.Content.Count >= MinContentWords)
            .OrderByDescending(r => r.Content.Count).ThenBy(r => r.Index).ToList();
        var byTrigram = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var members = new Dictionary<int, List<QuoteWords>>();
        for (var k = 0; k < order.Count; k++)
        {
            var quote = order[k];
            var trigrams = Trigrams(quote.Words).Distinct(StringComparer.Ordinal).ToList();
            var shared = new Dictionary<int, int>();
            foreach (var trigram in trigrams)
            {
                foreach (var earlier in byTrigram.GetValueOrDefault(trigram) ?? [])
                {
                    var root = Find(parent, order[earlier].Index);
                    shared[root] = shared.GetValueOrDefault(root) + 1;
                }
            }

            var joined = shared.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Select(s => s.Key)
                .FirstOrDefault(root => members[root].Take(MembersChecked).All(m => Similar(quote, m)), -1);
            if (joined >= 0)
            {
                parent[quote.Index] = joined;
                members[joined].Add(quote);
            }
            else
            {
                members[quote.Index] = [quote];
            }

            foreach (var trigram in trigrams)
            {
                if (!byTrigram.TryGetValue(trigram, out var list))
                {
                    byTrigram[trigram] = list = [];
                }

                list.Add(k);
            }
        }
    }

    /// <summary>
    /// A stable 32-bit hash of the quote's words (case and punctuation folded), never 0: quotes with the same words have
    /// the same fingerprint, so a store finds a new quote's word-for-word copies by lookup. Equal fingerprints are
    /// candidates, not proof; <see cref="Cluster"/> compares the words.
    /// </summary>
    public static int Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var c in string.Join(' ', Words(text)))
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash == 0 ? 1 : unchecked((int)hash);
    }

    /// <summary>Whether two quotes are one statement in different words or lengths (see the class summary).</summary>
    public static bool Similar(string a, string b) => Similar(new QuoteWords(0, Words(a)), new QuoteWords(1, Words(b)));

    private static bool Similar(QuoteWords a, QuoteWords b)
    {
        var (small, large) = a.Content.Count <= b.Content.Count ? (a, b) : (b, a);
        if (small.Content.Count < MinContentWords)
        {
            return false;
        }

        var sharedContent = small.Content.Count(large.Content.Contains);
        if (sharedContent < small.Content.Count * ContentShareNeeded)
        {
            return false;
        }

        var (fewer, more) = a.All.Count <= b.All.Count ? (a, b) : (b, a);
        return fewer.All.Count(more.All.Contains) >= fewer.All.Count * ContainmentNeeded
            && LongestCommonRun(a.Words, b.Words) >= Math.Min(LongRun, Math.Min(a.Words.Count, b.Words.Count));
    }

    /// <summary>The length of the longest run of words the two lists share in the same order.</summary>
    public static int LongestCommonRun(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        var best = 0;
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                current[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? previous[j - 1] + 1 : 0;
                best = Math.Max(best, current[j]);
            }

            (previous, current) = (current, previous);
        }

        return best;
    }

    /// <summary>The words of a quote that carry its content: not function words or the words every story uses.</summary>
    public static HashSet<string> ContentWords(IEnumerable<string> words) =>
        words.Where(w => w.Length > 1 && !Compare.Words.IsStopword(w)).ToHashSet(StringComparer.Ordinal);

    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’' && current.Length > 0)
            {
                continue;
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private sealed class QuoteWords(int index, List<string> words)
    {
        public int Index { get; } = index;

        public List<string> Words { get; } = words;

        public HashSet<string> All { get; } = words.ToHashSet(StringComparer.Ordinal);

        public HashSet<string> Content { get; } = ContentWords(words);
    }

    private static IEnumerable<string> Trigrams(List<string> words)
    {
        if (words.Count < 3)
        {
            if (words.Count > 0)
            {
                yield return string.Join(' ', words);
            }

            yield break;
        }

        for (var i = 0; i + 2 < words.Count; i++)
        {
            yield return $"{words[i]} {words[i + 1]} {words[i + 2]}";
        }
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
