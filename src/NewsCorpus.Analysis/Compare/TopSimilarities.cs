namespace NewsCorpus.Analysis.Compare;

/// <summary>
/// The highest similarities a new article has with one story's members, highest first: the story's score is their mean.
/// Only the few that count are kept, not every member's.
/// </summary>
internal sealed class TopSimilarities(int size)
{
    private readonly double[] _top = new double[size];
    private int _count;

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
