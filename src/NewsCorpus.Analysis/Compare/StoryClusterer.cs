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
        var vocabulary = new StoryVocabulary();
        return Assign([.. assigned.Select(a => (vocabulary.Compact(a.Document), a.StoryId))], [.. incoming.Select(vocabulary.Compact)]);
    }

    /// <summary>The same, over articles whose terms are numbered by one <see cref="StoryVocabulary"/>.</summary>
    public Dictionary<int, int> Assign(IReadOnlyList<(CompactStoryDocument Document, int StoryId)> assigned, IReadOnlyList<CompactStoryDocument> incoming)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        ArgumentNullException.ThrowIfNull(incoming);
        var idf = InverseDocumentFrequencies([.. assigned.Select(a => a.Document).Concat(incoming)]);
        var queries = incoming.ToDictionary(d => d.Id, d =>
        {
            var vector = Vector(d, idf);
            return (Vector: vector, Terms: QueryTerms(vector));
        });

        // Only terms some incoming article looks up need postings, and a stored article's vector is only needed when a
        // lookup finds it: a few new articles among a hundred thousand index a small part of them.
        var looked = queries.Values.SelectMany(q => q.Terms).ToHashSet();
        var index = new StoryIndex(assigned, looked, idf.Weights.Length, document => Vector(document, idf));

        var result = new Dictionary<int, int>();
        var nextNew = -1;
        var candidates = new HashSet<int>();
        var scores = new StoryScores(options.ClosestMembers);
        foreach (var document in incoming.OrderBy(d => d.Day).ThenBy(d => d.Id))
        {
            var (vector, terms) = queries[document.Id];
            if (document.Day is { } day)
            {
                index.ForgetVectorsBefore(Shift(day, -options.WindowDays));
            }

            scores.Clear();
            index.Candidates(document.Day, terms, options.WindowDays, candidates);
            foreach (var candidate in candidates)
            {
                var similarity = Cosine(vector, index.VectorOf(candidate));
                if (similarity > 0)
                {
                    scores.Add(index.StoryOf(candidate), similarity);
                }
            }

            var chosen = Closest(document, scores, index.Spans) is { } best ? best : nextNew--;
            result[document.Id] = chosen;
            index.Add(document, chosen, vector);
        }

        return result;
    }

    // An article's heaviest terms: those it looks up candidates by.
    private List<int> QueryTerms(SparseVector vector) =>
        [.. Enumerable.Range(0, vector.Terms.Length).OrderByDescending(i => vector.Weights[i]).ThenBy(i => vector.Terms[i])
            .Take(options.QueryTerms).Select(i => vector.Terms[i])];

    // The story whose closest members are most similar on average, if that clears the threshold and the story's span allows the article.
    private int? Closest(CompactStoryDocument document, StoryScores scores, Dictionary<int, (DateOnly First, DateOnly Last)> spans)
    {
        var best = 0;
        var bestScore = 0.0;
        foreach (var (story, score) in scores.Scores())
        {
            if (document.Day is { } day && spans.TryGetValue(story, out var span)
                && ((day > span.First ? day.DayNumber - span.First.DayNumber : 0) > options.MaxSpanDays
                    || (span.Last > day ? span.Last.DayNumber - day.DayNumber : 0) > options.MaxSpanDays))
            {
                continue;
            }

            if (score > bestScore || (score == bestScore && story < best))
            {
                (best, bestScore) = (story, score);
            }
        }

        return bestScore >= options.JoinThreshold ? best : null;
    }

    /// <summary>The article closest to all the others (highest summed cosine): its headline names the story.</summary>
    public static int MostCentral(IReadOnlyList<StoryDocument> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var vocabulary = new StoryVocabulary();
        return MostCentral([.. members.Select(vocabulary.Compact)]);
    }

    /// <summary>The same, over articles whose terms are numbered by one <see cref="StoryVocabulary"/>.</summary>
    public static int MostCentral(IReadOnlyList<CompactStoryDocument> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("a story has at least one article", nameof(members));
        }

        var idf = InverseDocumentFrequencies(members);
        var vectors = members.Select(m => Vector(m, idf)).ToList();

        // The summed cosine of an article with all the others is its dot product with the sum of every vector, less its
        // own (unit or empty) length: one pass over the members, not one per pair, so a story of hundreds stays cheap.
        var total = new Dictionary<int, double>();
        foreach (var vector in vectors)
        {
            for (var k = 0; k < vector.Terms.Length; k++)
            {
                total[vector.Terms[k]] = total.GetValueOrDefault(vector.Terms[k]) + vector.Weights[k];
            }
        }

        var best = 0;
        var bestSum = double.MinValue;
        for (var i = 0; i < members.Count; i++)
        {
            var sum = 0.0;
            var own = 0.0;
            var vector = vectors[i];
            for (var k = 0; k < vector.Terms.Length; k++)
            {
                sum += vector.Weights[k] * total[vector.Terms[k]];
                own += vector.Weights[k] * vector.Weights[k];
            }

            sum -= own;
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
        var vocabulary = new StoryVocabulary();
        var idf = InverseDocumentFrequencies([.. background.Select(vocabulary.Compact)]);
        return Cosine(Vector(vocabulary.Compact(new StoryDocument(0, null, a)), idf), Vector(vocabulary.Compact(new StoryDocument(0, null, b)), idf));
    }

    /// <summary>An article's TF-IDF vector: term numbers in ascending order and their weights (unit length).</summary>
    internal readonly record struct SparseVector(int[] Terms, double[] Weights);

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
    // articles on one event are not judged unrelated for sharing all their words. Indexed by term id; a term no
    // document in view has (one numbered later) weighs as unseen.
    private static (double[] Weights, double Unseen) InverseDocumentFrequencies(IReadOnlyList<CompactStoryDocument> documents)
    {
        var size = documents.Select(d => d.Terms.Length == 0 ? 0 : d.Terms[^1] + 1).DefaultIfEmpty(0).Max();
        var frequencies = new int[size];
        foreach (var document in documents)
        {
            foreach (var term in document.Terms)
            {
                frequencies[term]++;
            }
        }

        var n = documents.Count;
        var weights = new double[size];
        for (var t = 0; t < size; t++)
        {
            weights[t] = Math.Log((n + 1.0) / (frequencies[t] + 1.0)) + 1;
        }

        return (weights, Math.Log(n + 1.0) + 1);
    }

    private static SparseVector Vector(CompactStoryDocument document, (double[] Weights, double Unseen) idf)
    {
        var weights = new double[document.Terms.Length];
        var norm = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            var term = document.Terms[i];
            weights[i] = (1 + Math.Log(document.Counts[i])) * (term < idf.Weights.Length ? idf.Weights[term] : idf.Unseen);
            norm += weights[i] * weights[i];
        }

        norm = Math.Sqrt(norm);
        if (norm > 0)
        {
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] /= norm;
            }
        }

        return new SparseVector(document.Terms, weights);
    }

    /// <summary>A day moved by some days, held within the calendar: a stored date at its very edge must never throw here.</summary>
    public static DateOnly Shift(DateOnly day, int days) =>
        DateOnly.FromDayNumber(Math.Clamp(day.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));
}
