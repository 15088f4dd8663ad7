namespace NewsCorpus.Analysis.Compare;

/// <summary>An article as the story grouping sees it: its day and its term counts.</summary>
/// <param name="Id">The article.</param>
/// <param name="Day">Publication day; null when the article has none, and then it is compared with articles of any day.</param>
/// <param name="Terms">Its <see cref="StoryTerms"/>.</param>
public sealed record StoryDocument(int Id, DateOnly? Day, IReadOnlyDictionary<string, int> Terms);

/// <summary>Thresholds of the grouping; see docs/stories.md for how they were chosen.</summary>
public sealed record StoryClusteringOptions
{
    /// <summary>Articles more than this many days apart are not compared.</summary>
    public int WindowDays { get; init; } = 3;

    /// <summary>
    /// Longest span of a story: an article joins only if the story stays within this many days with it, so a
    /// story cannot chain from day to day into months of loosely related coverage.
    /// </summary>
    public int MaxSpanDays { get; init; } = 7;

    /// <summary>Least similarity (mean of the closest members' cosines) for an article to join a story.</summary>
    public double JoinThreshold { get; init; } = 0.25;

    /// <summary>How many of a story's closest members the similarity is averaged over.</summary>
    public int ClosestMembers { get; init; } = 3;

    /// <summary>Terms of an article used to look up candidates (its heaviest ones).</summary>
    public int QueryTerms { get; init; } = 25;
}

/// <summary>
/// Groups articles about the same event into stories, incrementally: each new article, in date order, is
/// compared (TF-IDF cosine over content stems, IDF smoothed over the articles in view) with the articles of
/// existing stories within a few days, and joins the story it is closest to, or starts a new one.
/// </summary>
public sealed class StoryClusterer(StoryClusteringOptions options)
{
    public StoryClusterer()
        : this(new StoryClusteringOptions())
    {
    }

    /// <summary>
    /// Assigns each incoming article to a story: an existing story id, or a new story numbered -1, -2, …
    /// (the caller creates it). <paramref name="assigned"/> are articles already in stories.
    /// </summary>
    public Dictionary<int, int> Assign(IReadOnlyList<(StoryDocument Document, int StoryId)> assigned, IReadOnlyList<StoryDocument> incoming)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        ArgumentNullException.ThrowIfNull(incoming);
        var idf = InverseDocumentFrequencies(assigned.Select(a => a.Document).Concat(incoming));
        var storyOf = new Dictionary<int, int>();

        // Every article's vector is kept while the corpus is assigned: as term numbers and weights in two arrays, not a
        // dictionary of strings, so 100,000 articles take about a tenth of the memory.
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var vectors = new Dictionary<int, SparseVector>();
        var byDay = new Dictionary<DateOnly, Dictionary<int, List<int>>>();
        var undated = new Dictionary<int, List<int>>();

        SparseVector Compact(IReadOnlyDictionary<string, int> terms)
        {
            var vector = Vector(terms, idf);
            var ids = new int[vector.Count];
            var weights = new double[vector.Count];
            var i = 0;
            foreach (var (term, weight) in vector)
            {
                if (!vocabulary.TryGetValue(term, out var id))
                {
                    vocabulary[term] = id = vocabulary.Count;
                }

                (ids[i], weights[i]) = (id, weight);
                i++;
            }

            Array.Sort(ids, weights);
            return new SparseVector(ids, weights);
        }

        var spans = new Dictionary<int, (DateOnly First, DateOnly Last)>();

        void Index(StoryDocument document, int story)
        {
            storyOf[document.Id] = story;
            if (document.Day is { } indexedDay)
            {
                spans[story] = spans.TryGetValue(story, out var span)
                    ? (indexedDay < span.First ? indexedDay : span.First, indexedDay > span.Last ? indexedDay : span.Last)
                    : (indexedDay, indexedDay);
            }

            var vector = vectors[document.Id] = Compact(document.Terms);
            var postings = undated;
            if (document.Day is { } day && !byDay.TryGetValue(day, out postings))
            {
                byDay[day] = postings = [];
            }

            foreach (var term in vector.Terms)
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add(document.Id);
            }
        }

        foreach (var (document, story) in assigned)
        {
            Index(document, story);
        }

        var result = new Dictionary<int, int>();
        var nextNew = -1;
        foreach (var document in incoming.OrderBy(d => d.Day).ThenBy(d => d.Id))
        {
            var vector = Compact(document.Terms);
            var candidates = Candidates(document, vector, byDay, undated);
            var similarities = new Dictionary<int, List<double>>();
            foreach (var candidate in candidates)
            {
                var similarity = Cosine(vector, vectors[candidate]);
                if (similarity > 0)
                {
                    var story = storyOf[candidate];
                    if (!similarities.TryGetValue(story, out var list))
                    {
                        similarities[story] = list = [];
                    }

                    list.Add(similarity);
                }
            }

            var best = 0;
            var bestScore = 0.0;
            foreach (var (story, list) in similarities)
            {
                if (document.Day is { } day && spans.TryGetValue(story, out var span)
                    && ((day > span.First ? day.DayNumber - span.First.DayNumber : 0) > options.MaxSpanDays
                        || (span.Last > day ? span.Last.DayNumber - day.DayNumber : 0) > options.MaxSpanDays))
                {
                    continue;
                }

                list.Sort((x, y) => y.CompareTo(x));
                var score = list.Take(options.ClosestMembers).Average();
                if (score > bestScore || (score == bestScore && story < best))
                {
                    (best, bestScore) = (story, score);
                }
            }

            var chosen = bestScore >= options.JoinThreshold ? best : nextNew--;
            result[document.Id] = chosen;
            Index(document, chosen);
        }

        return result;
    }

    /// <summary>The article closest to all the others (highest summed cosine): its headline names the story.</summary>
    public static int MostCentral(IReadOnlyList<StoryDocument> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("a story has at least one article", nameof(members));
        }

        var idf = InverseDocumentFrequencies(members);
        var vectors = members.Select(m => Vector(m.Terms, idf)).ToList();
        var best = 0;
        var bestSum = double.MinValue;
        for (var i = 0; i < members.Count; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < members.Count; j++)
            {
                if (i != j)
                {
                    sum += Cosine(vectors[i], vectors[j]);
                }
            }

            if (sum > bestSum + 1e-12)
            {
                (best, bestSum) = (i, sum);
            }
        }

        return members[best].Id;
    }

    /// <summary>TF-IDF cosine of two articles' terms, with IDF from just these two and the given background.</summary>
    public static double Similarity(IReadOnlyDictionary<string, int> a, IReadOnlyDictionary<string, int> b, IReadOnlyList<StoryDocument> background)
    {
        ArgumentNullException.ThrowIfNull(background);
        var idf = InverseDocumentFrequencies(background);
        return Cosine(Vector(a, idf), Vector(b, idf));
    }

    private HashSet<int> Candidates(StoryDocument document, SparseVector vector, Dictionary<DateOnly, Dictionary<int, List<int>>> byDay, Dictionary<int, List<int>> undated)
    {
        var terms = Enumerable.Range(0, vector.Terms.Length).OrderByDescending(i => vector.Weights[i]).ThenBy(i => vector.Terms[i])
            .Take(options.QueryTerms).Select(i => vector.Terms[i]).ToList();
        var candidates = new HashSet<int>();
        void Collect(Dictionary<int, List<int>> postings)
        {
            foreach (var term in terms)
            {
                if (postings.TryGetValue(term, out var list))
                {
                    candidates.UnionWith(list);
                }
            }
        }

        // An undated article may belong with any day; a dated one also looks at the undated ones.
        Collect(undated);
        if (document.Day is not { } day)
        {
            foreach (var postings in byDay.Values)
            {
                Collect(postings);
            }

            return candidates;
        }

        for (var offset = -options.WindowDays; offset <= options.WindowDays; offset++)
        {
            if (byDay.TryGetValue(Shift(day, offset), out var postings))
            {
                Collect(postings);
            }
        }

        return candidates;
    }

    /// <summary>An article's TF-IDF vector: term numbers in ascending order and their weights (unit length).</summary>
    private readonly record struct SparseVector(int[] Terms, double[] Weights);

    private static double Cosine(SparseVector a, SparseVector b)
    {
        var sum = 0.0;
        int i = 0, j = 0;
        while (i < a.Terms.Length && j < b.Terms.Length)
        {
            var difference = a.Terms[i] - b.Terms[j];
            if (difference == 0)
            {
                sum += a.Weights[i++] * b.Weights[j++];
            }
            else if (difference < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

    // Smoothed IDF (ln((N+1)/(df+1)) + 1): a term every article shares still counts a little, so a handful of
    // articles on one event are not judged unrelated for sharing all their words.
    private static (Dictionary<string, double> Weights, double Unseen) InverseDocumentFrequencies(IEnumerable<StoryDocument> documents)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        foreach (var document in documents)
        {
            n++;
            foreach (var term in document.Terms.Keys)
            {
                frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
            }
        }

        var weights = frequencies.ToDictionary(f => f.Key, f => Math.Log((n + 1.0) / (f.Value + 1.0)) + 1, StringComparer.Ordinal);
        return (weights, Math.Log((n + 1.0) / 1.0) + 1);
    }

    private static Dictionary<string, double> Vector(IReadOnlyDictionary<string, int> terms, (Dictionary<string, double> Weights, double Unseen) idf)
    {
        var vector = new Dictionary<string, double>(terms.Count, StringComparer.Ordinal);
        var norm = 0.0;
        foreach (var (term, count) in terms)
        {
            var weight = (1 + Math.Log(count)) * idf.Weights.GetValueOrDefault(term, idf.Unseen);
            vector[term] = weight;
            norm += weight * weight;
        }

        norm = Math.Sqrt(norm);
        if (norm > 0)
        {
            foreach (var term in vector.Keys.ToList())
            {
                vector[term] /= norm;
            }
        }

        return vector;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count > b.Count)
        {
            (a, b) = (b, a);
        }

        var sum = 0.0;
        foreach (var (term, weight) in a)
        {
            if (b.TryGetValue(term, out var other))
            {
                sum += weight * other;
            }
        }

        return sum;
    }

    /// <summary>A day moved by some days, held within the calendar: a stored date at its very edge must never throw here.</summary>
    public static DateOnly Shift(DateOnly day, int days) =>
        DateOnly.FromDayNumber(Math.Clamp(day.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));
}
