namespace NewsCorpus.Analysis.Compare;

/// <summary>
/// The articles in stories as <see cref="StoryClusterer"/> looks them up: postings for the terms some new article looks
/// up (no others), vectors computed when a lookup first finds an article, each story's span. The stored dated articles are
/// put in day order once, and each looked-up term's postings are positions in that order (four bytes each), so a window
/// is a range of positions found by binary search; a hundred thousand stored articles are not spread over a list per day
/// and term. Articles added during the run go to small postings by day.
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

    /// <summary>The stored dated articles in day order, and each one's day number.</summary>
    private CompactStoryDocument[] _inDayOrder = [];
    private int[] _dayNumbers = [];

    /// <summary>Per looked-up term (by slot), the positions in <see cref="_inDayOrder"/> of the articles having it, ascending.</summary>
    private readonly int[][] _stored;
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

        _stored = new int[slot][];
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
        var (first, end) = (LowerBound(_dayNumbers, from.DayNumber), LowerBound(_dayNumbers, to.DayNumber + 1));
        foreach (var term in terms)
        {
            if (SlotOf(term) is var slot and >= 0)
            {
                var postings = _stored[slot];
                for (var i = LowerBound(postings, first); i < postings.Length && postings[i] < end; i++)
                {
                    candidates.Add(_inDayOrder[postings[i]].Id);
                }
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

    // Two passes (count, then fill), so each term's array is allocated once at its size; positions come out ascending.
    private void BuildStoredPostings(List<CompactStoryDocument> dated)
    {
        var order = new long[dated.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = ((long)dated[i].Day!.Value.DayNumber << 32) | (uint)i;
        }

        Array.Sort(order);
        _inDayOrder = [.. order.Select(o => dated[(int)o])];
        _dayNumbers = [.. _inDayOrder.Select(d => d.Day!.Value.DayNumber)];
        var sizes = new int[_stored.Length];
        foreach (var document in _inDayOrder)
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
            _stored[slot] = new int[sizes[slot]];
        }

        var filled = new int[_stored.Length];
        for (var position = 0; position < _inDayOrder.Length; position++)
        {
            foreach (var term in _inDayOrder[position].Terms)
            {
                if (SlotOf(term) is var slot and >= 0)
                {
                    _stored[slot][filled[slot]++] = position;
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

    /// <summary>The first index whose value is at least <paramref name="value"/> (the length when none is).</summary>
    private static int LowerBound(int[] sorted, int value)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = sorted[middle] < value ? (middle + 1, high) : (low, middle);
        }

        return low;
    }
}
