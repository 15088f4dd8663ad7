namespace NewsCorpus.Analysis.Compare;

/// <summary>
/// The articles in stories as <see cref="StoryClusterer"/> looks them up: postings for the terms some new article looks
/// up (no others), vectors computed when a lookup first finds an article, each story's span. The stored articles' postings
/// are built once, as one array per term sorted by day, so a window is found by binary search; a hundred thousand stored
/// articles are not spread over a list per day and term. Articles added during the run go to small postings by day.
/// </summary>
internal sealed class StoryIndex
{
    private readonly HashSet<int> _lookedUpTerms;
    private readonly Func<CompactStoryDocument, StoryClusterer.SparseVector> _vectorOf;
    private readonly Dictionary<int, int> _storyOf;
    private readonly Dictionary<int, CompactStoryDocument> _documents;
    private readonly Dictionary<int, StoryClusterer.SparseVector> _vectors = [];
    private readonly SortedDictionary<DateOnly, List<int>> _vectorsByDay = [];

    /// <summary>Stored dated articles per term: (day number &lt;&lt; 32 | article id), ascending.</summary>
    private readonly Dictionary<int, long[]> _stored = [];
    private readonly Dictionary<DateOnly, Dictionary<int, List<int>>> _addedByDay = [];
    private readonly Dictionary<int, List<int>> _undated = [];

    public StoryIndex(IReadOnlyList<(CompactStoryDocument Document, int StoryId)> stored, HashSet<int> lookedUpTerms, Func<CompactStoryDocument, StoryClusterer.SparseVector> vectorOf)
    {
        _lookedUpTerms = lookedUpTerms;
        _vectorOf = vectorOf;
        _storyOf = new Dictionary<int, int>(stored.Count);
        _documents = new Dictionary<int, CompactStoryDocument>(stored.Count);
        var dated = new List<CompactStoryDocument>(stored.Count);
        foreach (var (document, story) in stored)
        {
            Register(document, story);
            if (document.Day is null)
            {
                Post(_undated, document);
            }
            else
            {
                dated.Add(document);
            }
        }

        BuildStoredPostings(dated);
    }

    /// <summary>First and last day of each story with a dated article.</summary>
    public Dictionary<int, (DateOnly First, DateOnly Last)> Spans { get; } = [];

    public int StoryOf(int article) => _storyOf[article];

    public StoryClusterer.SparseVector VectorOf(int article)
    {
        if (!_vectors.TryGetValue(article, out var vector))
        {
            var document = _documents[article];
            vector = _vectorOf(document);
            Keep(document, vector);
        }

        return vector;
    }

    /// <summary>
    /// Drops the vectors of articles dated before <paramref name="day"/>: new articles come in date order, so once the
    /// window has passed a day its articles are never candidates again, and a hundred thousand vectors need not be held.
    /// </summary>
    public void ForgetVectorsBefore(DateOnly day)
    {
        while (_vectorsByDay.Count > 0 && _vectorsByDay.First() is { Key: var first, Value: var articles } && first < day)
        {
            foreach (var article in articles)
            {
                _vectors.Remove(article);
            }

            _vectorsByDay.Remove(first);
        }
    }

    /// <summary>Adds an article the run has just put in a story (with its vector, already known).</summary>
    public void Add(CompactStoryDocument document, int story, StoryClusterer.SparseVector vector)
    {
        Register(document, story);
        Keep(document, vector);
        var postings = _undated;
        if (document.Day is { } day && !_addedByDay.TryGetValue(day, out postings))
        {
            _addedByDay[day] = postings = [];
        }

        Post(postings, document);
    }

    /// <summary>Articles sharing a term with <paramref name="terms"/>, within <paramref name="windowDays"/> of the day or undated.</summary>
    public HashSet<int> Candidates(DateOnly? day, List<int> terms, int windowDays)
    {
        var candidates = new HashSet<int>();

        // An undated article may belong with any day; a dated one also looks at the undated ones.
        Collect(_undated, terms, candidates);
        var (from, to) = day is { } dated
            ? (StoryClusterer.Shift(dated, -windowDays), StoryClusterer.Shift(dated, windowDays))
            : (DateOnly.MinValue, DateOnly.MaxValue);
        foreach (var term in terms)
        {
            if (_stored.TryGetValue(term, out var postings))
            {
                CollectRange(postings, from.DayNumber, to.DayNumber, candidates);
            }
        }

        foreach (var (added, postings) in _addedByDay)
        {
            if (added >= from && added <= to)
            {
                Collect(postings, terms, candidates);
            }
        }

        return candidates;
    }

    private void Register(CompactStoryDocument document, int story)
    {
        _storyOf[document.Id] = story;
        _documents[document.Id] = document;
        if (document.Day is { } day)
        {
            Spans[story] = Spans.TryGetValue(story, out var span)
                ? (day < span.First ? day : span.First, day > span.Last ? day : span.Last)
                : (day, day);
        }
    }

    private void Keep(CompactStoryDocument document, StoryClusterer.SparseVector vector)
    {
        _vectors[document.Id] = vector;
        if (document.Day is { } day)
        {
            if (!_vectorsByDay.TryGetValue(day, out var articles))
            {
                _vectorsByDay[day] = articles = [];
            }

            articles.Add(document.Id);
        }
    }

    // Two passes (count, then fill in day order), so each term's array is allocated once at its size and comes out sorted.
    private void BuildStoredPostings(List<CompactStoryDocument> dated)
    {
        dated.Sort((a, b) => a.Day!.Value != b.Day!.Value ? a.Day.Value.CompareTo(b.Day.Value) : a.Id.CompareTo(b.Id));
        var sizes = new Dictionary<int, int>();
        foreach (var document in dated)
        {
            foreach (var term in document.Terms)
            {
                if (_lookedUpTerms.Contains(term))
                {
                    sizes[term] = sizes.GetValueOrDefault(term) + 1;
                }
            }
        }

        var filled = new Dictionary<int, int>(sizes.Count);
        foreach (var (term, size) in sizes)
        {
            _stored[term] = new long[size];
            filled[term] = 0;
        }

        foreach (var document in dated)
        {
            var entry = ((long)document.Day!.Value.DayNumber << 32) | (uint)document.Id;
            foreach (var term in document.Terms)
            {
                if (_stored.TryGetValue(term, out var postings))
                {
                    postings[filled[term]++] = entry;
                }
            }
        }
    }

    private void Post(Dictionary<int, List<int>> postings, CompactStoryDocument document)
    {
        foreach (var term in document.Terms)
        {
            if (!_lookedUpTerms.Contains(term))
            {
                continue;
            }

            if (!postings.TryGetValue(term, out var list))
            {
                postings[term] = list = [];
            }

            list.Add(document.Id);
        }
    }

    private static void Collect(Dictionary<int, List<int>> postings, List<int> terms, HashSet<int> candidates)
    {
        foreach (var term in terms)
        {
            if (postings.TryGetValue(term, out var list))
            {
                candidates.UnionWith(list);
            }
        }
    }

    private static void CollectRange(long[] postings, int fromDay, int toDay, HashSet<int> candidates)
    {
        var start = Array.BinarySearch(postings, (long)fromDay << 32);
        for (var i = start < 0 ? ~start : start; i < postings.Length && (int)(postings[i] >> 32) <= toDay; i++)
        {
            candidates.Add((int)postings[i]);
        }
    }
}
