namespace NewsCorpus.Analysis.Quotes;

/// <summary>
/// Groups quotes that are the same statement: identical once case and punctuation are folded, or nearly so
/// (one's words almost all inside the other's, tolerating small edits and truncation). Candidates come from
/// shared word trigrams, so the work grows with the corpus, not with its square.
/// </summary>
public static class QuoteClusterer
{
    private const double ContainmentNeeded = 0.8;
    private const int MinWords = 3;

    /// <summary>For each text, the index of its cluster's first member.</summary>
    public static int[] Cluster(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var parent = Enumerable.Range(0, texts.Count).ToArray();

        // The same words are the same statement: such copies (a statement carried by hundreds of articles) are
        // joined at once, and only one of them takes part in the fuzzy matching below.
        var firstWithWords = new Dictionary<string, int>(StringComparer.Ordinal);
        var representatives = new List<int>();
        var allWords = new List<string>[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            allWords[i] = Words(texts[i]);
            var key = string.Join(' ', allWords[i]);
            if (key.Length > 0 && firstWithWords.TryGetValue(key, out var first))
            {
                Union(parent, first, i);
            }
            else
            {
                firstWithWords[key] = i;
                representatives.Add(i);
            }
        }

        var words = representatives.Select(i => allWords[i]).ToList();
        var sets = words.Select(w => w.ToHashSet(StringComparer.Ordinal)).ToList();
        var byTrigram = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var trigram in Trigrams(words[i]).Distinct(StringComparer.Ordinal))
            {
                if (!byTrigram.TryGetValue(trigram, out var list))
                {
                    byTrigram[trigram] = list = [];
                }

                list.Add(i);
            }
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Count < 2)
            {
                continue;
            }

            var candidates = new HashSet<int>();
            foreach (var trigram in Trigrams(words[i]))
            {
                foreach (var j in byTrigram[trigram])
                {
                    if (j > i)
                    {
                        candidates.Add(j);
                    }
                }
            }

            foreach (var j in candidates)
            {
                var (a, b) = (representatives[i], representatives[j]);
                if (Find(parent, a) != Find(parent, b) && Similar(sets[i], sets[j]))
                {
                    Union(parent, a, b);
                }
            }
        }

        return [.. Enumerable.Range(0, texts.Count).Select(i => Find(parent, i))];
    }

    public static bool Similar(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        if (small.Count < MinWords)
        {
            return false;
        }

        var shared = small.Count(large.Contains);
        return shared >= small.Count * ContainmentNeeded;
    }

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

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
