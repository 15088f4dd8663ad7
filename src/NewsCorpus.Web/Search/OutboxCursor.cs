namespace NewsCorpus.Web.Search;

/// <summary>
/// How far an index has applied the search outbox: the watermark below which every change is applied, the changes
/// applied above it, and how long a missing sequence number has been waited for. A missing number is a change not
/// yet committed (PostgreSQL hands out numbers before commit) or one rolled back: it is waited for
/// <paramref name="gapPatience"/>, then passed.
/// </summary>
internal sealed class OutboxCursor(TimeSpan gapPatience)
{
    private readonly SortedSet<long> _appliedAbove = [];
    private DateTime? _gapSeen;

    public long Watermark { get; private set; }

    /// <summary>Changes applied beyond the watermark (after a gap).</summary>
    public int AppliedAbove => _appliedAbove.Count;

    /// <summary>Starts again from a watermark: an index opened at its commit, or just rebuilt.</summary>
    public void Reset(long watermark)
    {
        Watermark = watermark;
        _appliedAbove.Clear();
        _gapSeen = null;
    }

    public bool IsApplied(long sequence) => sequence <= Watermark || _appliedAbove.Contains(sequence);

    public void Applied(IEnumerable<long> sequences) => _appliedAbove.UnionWith(sequences);

    /// <summary>Moves the watermark over the applied changes; true when it moved.</summary>
    public bool Advance(DateTime now)
    {
        var before = Watermark;
        while (_appliedAbove.Count > 0)
        {
            if (_appliedAbove.Min == Watermark + 1)
            {
                Watermark++;
                _appliedAbove.Remove(Watermark);
                continue;
            }

            _gapSeen ??= now;
            if (now - _gapSeen < gapPatience)
            {
                break;
            }

            Watermark = _appliedAbove.Min - 1;
            _gapSeen = null;
        }

        if (_appliedAbove.Count == 0)
        {
            _gapSeen = null;
        }

        return Watermark != before;
    }
}
