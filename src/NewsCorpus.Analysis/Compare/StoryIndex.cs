namespace NewsCorpus.Analysis.Compare;

/// <summary>
/// The articles in stories as <see cref="StoryClusterer"/> looks them up: postings for the terms some new article looks
/// up (no others), vectors computed when a lookup first finds an article, each story's span. The stored articles' postings
/// are built once, as one array per term sorted by day, so a window is found by binary search; a hundred thousand stored
/// articles are not spread over a list per day and term. Articles added during the run go to small postings by day.
/// </summary>
internal sealed class StoryIndex
{
    /// <summary>Per term id, its place among the looked-up terms, or -1: a hundred thousand articles' terms are checked by indexing.</summary>
    private readonly int[] _slotOf;
    private readonly Func<CompactStoryDocument, StoryClusterer.SparseVector> _vectorOf;
    private readonly Dictionary<int, int> _storyOf;
    private readonly Dictionary<int, CompactStoryDocument> _documents;
    private readonly Dictionary<int, StoryClusterer.SparseVector> _vectors = [];
    private readonly SortedDictionary<DateOnly, List<int>> _vectorsByDay = [];

    /// <summary>Stored dated articles per looked-up term (by slot): (day number &lt;&lt; 32 | article id), ascending.</summary>
    private readonly long[][] _stored;
    private readonly Dictionary<DateOnly, Dictionary<int, List<int>>> _addedByDay = [];
    private readonly Dictionary<int, List<int>> _undated = [];

    public StoryIndex(IReadOnlyList<(CompactStoryDocument Document, int StoryId)> stored, IReadOnlyCollection<int> lookedUpTerms, int termCount,
        Func<CompactStoryDocument, StoryClusterer.SparseVector> vectorOf)
    {
        _slotOf = new int[termCount];
        Array.Fill(_slotOf, -1);
        var slot = 0;
        foreach (var term in lookedUpTerms)
        {
            _slotOf[term] = slot++;
        }

        _stored = new long[slot][];
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

    /// <summary>
    /// Puts in <paramref name="candidates"/> (emptied first; one set serves every new article) the articles sharing a term
    /// with <paramref name="terms"/>, within <paramref name="windowDays"/> of the day or undated.
    /// </summary>
    public void Candidates(DateOnly? day, List<int> terms, int windowDays, HashSet<int> candidates)
    {
        candidates.Clear();

        // An undated article may belong with any day; a dated one also looks at the undated ones.
        Collect(_undated, terms, candidates);
        var (from, to) = day is { } dated
            ? (StoryClusterer.Shift(dated, -windowDays), StoryClusterer.Shift(dated, windowDays))
            : (DateOnly.MinValue, DateOnly.MaxValue);
        foreach (var term in terms)
        {
            if (SlotOf(term) is var slot and >= 0)
            {
                CollectRange(_stored[slot], from.DayNumber, to.DayNumber, candidates);
            }
        }

        foreach (var (added, postings) in _addedByDay)
        {
            if (added >= from && added <= to)
            {
                Collect(postings, terms, candidates);
            }
        }
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

    private int SlotOf(int term) => term < _slotOf.Length ? _slotOf[term] : -1;

    // Two passes (count, then fill in day order), so each term's array is allocated once at its size and comes out sorted.
    private void BuildStoredPostings(List<CompactStoryDocument> dated)
    {
        var order = new long[dated.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = ((long)dated[i].Day!.Value.DayNumber << 32) | (uint)i;
        }

        Array.Sort(order);
        var sizes = new int[_stored.Length];
        foreach (var document in dated)
        {
            foreach (var term in document.Terms)
            {
                if (SlotOf(term) is var slot and >= 0)
                {
                    sizes[slot]++;
                }
            }
        }

        for (var slot = 0; slot < _stored.Length; slot++)
        {
            _stored[slot] = new long[sizes[slot]];
        }

        var filled = new int[_stored.Length];
        foreach (var position in order)
        {
            var document = dated[(int)position];
            var entry = ((long)document.Day!.Value.DayNumber << 32) | (uint)document.Id;
            foreach (var term in document.Terms)
            {
                if (SlotOf(term) is var slot and >= 0)
                {
                    _stored[slot][filled[slot]++] = entry;
                }
            }
        }
    }

    private void Post(Dictionary<int, List<int>> postings, CompactStoryDocument document)
    {
        foreach (var term in document.Terms)
        {
            if (SlotOf(term) < 0)
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
        // Entries are in day order (within a day, in any order): the key sorts after every entry of the day before and
        // equals none (ids are below 2^31), so the search lands on the day's first entry.
        var start = ~Array.BinarySearch(postings, ((long)fromDay << 32) - 1);
        for (var i = start; i < postings.Length && (int)(postings[i] >> 32) <= toDay; i++)
        {
            candidates.Add((int)postings[i]);
        }
    }
}
