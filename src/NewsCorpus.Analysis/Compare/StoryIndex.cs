namespace NewsCorpus.Analysis.Compare;

/// <summary>
/// The articles in stories as <see cref="StoryClusterer"/> looks them up: postings by day for the terms some new
/// article looks up (no others), vectors computed when a lookup first finds an article, each story's span.
/// </summary>
internal sealed class StoryIndex(HashSet<int> lookedUpTerms, Func<CompactStoryDocument, StoryClusterer.SparseVector> vectorOf)
{
    private readonly Dictionary<int, int> _storyOf = [];
    private readonly Dictionary<int, CompactStoryDocument> _documents = [];
    private readonly Dictionary<int, StoryClusterer.SparseVector> _vectors = [];
    private readonly SortedDictionary<DateOnly, List<int>> _vectorsByDay = [];
    private readonly Dictionary<DateOnly, Dictionary<int, List<int>>> _byDay = [];
    private readonly Dictionary<int, List<int>> _undated = [];

    /// <summary>First and last day of each story with a dated article.</summary>
    public Dictionary<int, (DateOnly First, DateOnly Last)> Spans { get; } = [];

    public int StoryOf(int article) => _storyOf[article];

    public StoryClusterer.SparseVector VectorOf(int article)
    {
        if (!_vectors.TryGetValue(article, out var vector))
        {
            var document = _documents[article];
            vector = vectorOf(document);
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

    public void Add(CompactStoryDocument document, int story, StoryClusterer.SparseVector? vector)
    {
        _storyOf[document.Id] = story;
        _documents[document.Id] = document;
        if (vector is { } known)
        {
            Keep(document, known);
        }

        if (document.Day is { } day)
        {
            Spans[story] = Spans.TryGetValue(story, out var span)
                ? (day < span.First ? day : span.First, day > span.Last ? day : span.Last)
                : (day, day);
        }

        var postings = _undated;
        if (document.Day is { } dated && !_byDay.TryGetValue(dated, out postings))
        {
            _byDay[dated] = postings = [];
        }

        foreach (var term in document.Terms)
        {
            if (!lookedUpTerms.Contains(term))
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

    /// <summary>Articles sharing a term with <paramref name="terms"/>, within <paramref name="windowDays"/> of the day or undated.</summary>
    public HashSet<int> Candidates(DateOnly? day, List<int> terms, int windowDays)
    {
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
        Collect(_undated);
        if (day is not { } dated)
        {
            foreach (var postings in _byDay.Values)
            {
                Collect(postings);
            }

            return candidates;
        }

        for (var offset = -windowDays; offset <= windowDays; offset++)
        {
            if (_byDay.TryGetValue(StoryClusterer.Shift(dated, offset), out var postings))
            {
                Collect(postings);
            }
        }

        return candidates;
    }
}
