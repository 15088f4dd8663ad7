namespace NewsCorpus.Analysis.Compare;

/// <summary>A run of a sentence's text, marked when the words in it are not in the sentences it is aligned with.</summary>
public readonly record struct TextSegment(string Text, bool Changed);

/// <summary>One article's sentence in an alignment row.</summary>
public sealed record AlignedSentence(int Index, int Paragraph, string Text, IReadOnlyList<TextSegment> Segments);

/// <summary>A row of the alignment: per article its sentence there, or null.</summary>
public sealed record AlignmentRow(SentenceMatch Match, IReadOnlyList<AlignedSentence?> Cells)
{
    public int ArticleCount => Cells.Count(c => c is not null);
}

/// <summary>How much of an article's text the others carry.</summary>
public sealed record AlignmentSummary(int Sentences, int SharedWithAll, int SharedWithSome, int Unique);

public sealed record Alignment(IReadOnlyList<AlignmentRow> Rows, IReadOnlyList<AlignmentSummary> Summaries);

/// <summary>
/// Aligns the sentences of several articles: each row holds at most one sentence per article, and sentences
/// in a row are identical, edited or reworded versions of each other. Pairs are joined best first (identical,
/// then the closest edits, then rewordings), so a sentence goes with its nearest counterpart even when an
/// outlet moved it. Rows follow the first article's order, and each other article's own sentences come
/// right after the sentence they followed in it.
/// </summary>
public static class SentenceAligner
{
    public static Alignment Align(IReadOnlyList<IReadOnlyList<string>> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return Align(articles.Select(ComparableSentence.FromParagraphs).ToList());
    }

    public static Alignment Align(IReadOnlyList<List<ComparableSentence>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var k = sentences.Count;
        var groups = new Groups(sentences);

        var pairs = new List<(double Score, int ArticleA, int A, int ArticleB, int B)>();
        var matches = new Dictionary<(int, int, int, int), SentenceMatch>();
        for (var x = 0; x < k; x++)
        {
            for (var y = x + 1; y < k; y++)
            {
                foreach (var a in sentences[x])
                {
                    foreach (var b in sentences[y])
                    {
                        var (match, score) = SentenceSimilarity.Compare(a, b);
                        if (match != SentenceMatch.Unique)
                        {
                            pairs.Add((score, x, a.Index, y, b.Index));
                            matches[(x, a.Index, y, b.Index)] = match;
                        }
                    }
                }
            }
        }

        // Best first; ties in document order so the result does not depend on the sort's stability.
        pairs.Sort((p, q) => q.Score.CompareTo(p.Score) is var c && c != 0 ? c
            : (p.ArticleA, p.A, p.ArticleB, p.B).CompareTo((q.ArticleA, q.A, q.ArticleB, q.B)));
        foreach (var pair in pairs)
        {
            groups.TryJoin(pair.ArticleA, pair.A, pair.ArticleB, pair.B);
        }

        var ordered = Order(sentences, groups);
        var rows = ordered.Select(members => BuildRow(sentences, members, matches)).ToList();
        return new Alignment(rows, Summarize(rows, k));
    }

    private static List<int[]> Order(IReadOnlyList<List<ComparableSentence>> sentences, Groups groups)
    {
        var order = new List<int>();
        for (var article = 0; article < sentences.Count; article++)
        {
            var last = -1;
            foreach (var sentence in sentences[article])
            {
                var group = groups.Find(article, sentence.Index);
                var position = order.IndexOf(group);
                if (position < 0)
                {
                    // After the row of the sentence it followed, and after what other articles carry there that this one lacks.
                    position = last + 1;
                    while (position < order.Count && groups.Members(order[position])[article] < 0)
                    {
                        position++;
                    }

                    order.Insert(position, group);
                }

                // A sentence moved earlier by this outlet keeps its row; what follows it comes after the latest row reached.
                last = Math.Max(last, position);
            }
        }

        return order.Select(groups.Members).ToList();
    }

    private static AlignmentRow BuildRow(IReadOnlyList<List<ComparableSentence>> sentences, int[] members, Dictionary<(int, int, int, int), SentenceMatch> matches)
    {
        var present = Enumerable.Range(0, members.Length).Where(a => members[a] >= 0).ToList();
        var match = SentenceMatch.Identical;
        var changed = new bool[members.Length][];
        foreach (var a in present)
        {
            changed[a] = new bool[sentences[a][members[a]].Words.Count];
        }

        if (present.Count == 1)
        {
            match = SentenceMatch.Unique;
        }
        else
        {
            // The row is as close as its two most different members; words are marked against the first article's sentence.
            for (var i = 0; i < present.Count; i++)
            {
                for (var j = i + 1; j < present.Count; j++)
                {
                    var pairMatch = matches.GetValueOrDefault((present[i], members[present[i]], present[j], members[present[j]]), SentenceMatch.Unique);
                    match = (SentenceMatch)Math.Min((int)match, (int)(pairMatch == SentenceMatch.Unique ? SentenceMatch.Reworded : pairMatch));
                }
            }

            if (match != SentenceMatch.Identical)
            {
                var reference = sentences[present[0]][members[present[0]]];
                foreach (var other in present.Skip(1))
                {
                    var (inReference, inOther) = SentenceSimilarity.Differences(reference, sentences[other][members[other]]);
                    changed[other] = inOther;
                    for (var w = 0; w < inReference.Length; w++)
                    {
                        changed[present[0]][w] |= inReference[w];
                    }
                }
            }
        }

        var cells = new AlignedSentence?[members.Length];
        foreach (var a in present)
        {
            var sentence = sentences[a][members[a]];
            cells[a] = new AlignedSentence(sentence.Index, sentence.Paragraph, sentence.Text, Segments(sentence, changed[a]));
        }

        return new AlignmentRow(match, cells);
    }

    /// <summary>The sentence cut into unchanged and changed runs; a changed run spans the spaces between its words.</summary>
    public static List<TextSegment> Segments(ComparableSentence sentence, bool[] changed)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(changed);
        var segments = new List<TextSegment>();
        var text = sentence.Text;
        var position = 0;
        var w = 0;
        while (w < sentence.Words.Count)
        {
            if (!changed[w])
            {
                w++;
                continue;
            }

            var start = sentence.Words[w].Start;
            var end = sentence.Words[w].End;
            while (w + 1 < sentence.Words.Count && changed[w + 1])
            {
                w++;
                end = sentence.Words[w].End;
            }

            if (start > position)
            {
                segments.Add(new TextSegment(text[position..start], false));
            }

            segments.Add(new TextSegment(text[start..end], true));
            position = end;
            w++;
        }

        if (position < text.Length)
        {
            segments.Add(new TextSegment(text[position..], false));
        }

        return segments;
    }

    private static List<AlignmentSummary> Summarize(List<AlignmentRow> rows, int k)
    {
        var summaries = new List<AlignmentSummary>(k);
        for (var a = 0; a < k; a++)
        {
            int total = 0, all = 0, some = 0, unique = 0;
            foreach (var row in rows)
            {
                if (row.Cells[a] is null)
                {
                    continue;
                }

                total++;
                var carriers = row.ArticleCount;
                if (carriers == 1)
                {
                    unique++;
                }
                else if (carriers == k)
                {
                    all++;
                }
                else
                {
                    some++;
                }
            }

            summaries.Add(new AlignmentSummary(total, all, some, unique));
        }

        return summaries;
    }

    /// <summary>Union of sentences into rows, never two sentences of one article in a row.</summary>
    private sealed class Groups
    {
        private readonly int[] _offsets;
        private readonly int[] _parent;
        private readonly List<int[]> _members;

        public Groups(IReadOnlyList<List<ComparableSentence>> sentences)
        {
            _offsets = new int[sentences.Count + 1];
            for (var a = 0; a < sentences.Count; a++)
            {
                _offsets[a + 1] = _offsets[a] + sentences[a].Count;
            }

            _parent = new int[_offsets[^1]];
            _members = new List<int[]>(_parent.Length);
            for (var a = 0; a < sentences.Count; a++)
            {
                for (var s = 0; s < sentences[a].Count; s++)
                {
                    var id = _offsets[a] + s;
                    _parent[id] = id;
                    var members = new int[sentences.Count];
                    Array.Fill(members, -1);
                    members[a] = s;
                    _members.Add(members);
                }
            }
        }

        public int Find(int article, int sentence) => Root(_offsets[article] + sentence);

        public int[] Members(int group) => _members[group];

        public void TryJoin(int articleA, int a, int articleB, int b)
        {
            var ra = Find(articleA, a);
            var rb = Find(articleB, b);
            if (ra == rb)
            {
                return;
            }

            var ma = _members[ra];
            var mb = _members[rb];
            for (var i = 0; i < ma.Length; i++)
            {
                if (ma[i] >= 0 && mb[i] >= 0)
                {
                    return;
                }
            }

            for (var i = 0; i < ma.Length; i++)
            {
                if (mb[i] >= 0)
                {
                    ma[i] = mb[i];
                }
            }

            _parent[rb] = ra;
        }

        private int Root(int id)
        {
            while (_parent[id] != id)
            {
                _parent[id] = _parent[_parent[id]];
                id = _parent[id];
            }

            return id;
        }
    }
}
