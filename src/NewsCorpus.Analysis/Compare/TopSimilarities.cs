namespace NewsCorpus.Analysis.Compare;

/// <summary>
/// The highest similarities a new article has with one story's members, highest first: the story's score is their mean.
/// Only the few that count are kept, not every member's.
/// </summary>
internal sealed class TopSimilarities(int size)
{
    private readonly double[] _top = new double[size];
    private int _count;

    public void Clear() => _count = 0;

    public void Add(double similarity)
    {
        var i = _count;
        if (_count < _top.Length)
        {
            _count++;
        }
        else if (similarity <= _top[^1])
        {
            return;
        }
        else
        {
            i = _top.Length - 1;
        }

        for (; i > 0 && _top[i - 1] < similarity; i--)
        {
            _top[i] = _top[i - 1];
        }

        _top[i] = similarity;
    }

    /// <summary>Mean of the kept similarities, summed highest first.</summary>
    public double Mean()
    {
        var sum = 0.0;
        for (var i = 0; i < _count; i++)
        {
            sum += _top[i];
        }

        return sum / _count;
    }
}

/// <summary>
/// A new article's similarities by story, kept from one article to the next: a hundred thousand new articles with
/// thousands of candidates each would otherwise allocate a dictionary and its entries per article.
/// </summary>
internal sealed class StoryScores(int closestMembers)
{
    private readonly Dictionary<int, int> _slotOf = [];
    private readonly List<TopSimilarities> _tops = [];

    public void Clear() => _slotOf.Clear();

    public void Add(int story, double similarity)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_slotOf, story, out var exists);
        if (!exists)
        {
            slot = _slotOf.Count - 1;
            if (slot == _tops.Count)
            {
                _tops.Add(new TopSimilarities(closestMembers));
            }
            else
            {
                _tops[slot].Clear();
            }
        }

        _tops[slot].Add(similarity);
    }

    /// <summary>Each story met since the last <see cref="Clear"/>, with the mean of its closest members' similarities.</summary>
    public IEnumerable<(int Story, double Score)> Scores()
    {
        foreach (var (story, slot) in _slotOf)
        {
            yield return (story, _tops[slot].Mean());
        }
    }
}
