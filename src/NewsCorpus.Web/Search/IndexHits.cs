using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NewsCorpus.Web.Search;

/// <summary>
/// One page of hits (row id and score), the total, and optionally the ids of every hit (for facets; dispose it after
/// use). <see cref="TimedOut"/>: the time budget ran out and these are the hits found by then.
/// </summary>
internal sealed record IndexHits(int Total, IReadOnlyList<(int Id, float Score)> Page, HitIds? All, bool TimedOut = false)
{
    // Newest first (undated last), then relevance, then id.
    private static readonly Sort ByDate = new(new SortField(SearchFields.When, SortFieldType.INT64, true), SortField.FIELD_SCORE, new SortField(SearchFields.Id, SortFieldType.INT32));

    private static readonly ConditionalWeakTable<object, int[]> s_segmentIds = [];

    /// <summary>
    /// Runs the query over every segment of the index at once (one task per segment, as Lucene's own parallel search
    /// does), each with its own top-hits collector, then merges the tops. By relevance, equal scores keep index order.
    /// With a <paramref name="budget"/>, each segment stops collecting once it is spent.
    /// </summary>
    public static IndexHits Collect(IndexSearcher searcher, Query query, bool byDate, int skip, int take, bool collectAll, TimeSpan? budget = null)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var wanted = Math.Max(1, skip + take);
        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var all = collectAll ? new HitIds(searcher.IndexReader.MaxDoc) : null;
        var tops = new TopDocs[leaves.Count];
        var counts = new int[leaves.Count];
        var stopAt = budget is { } limit ? Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        var timedOut = false;
        Parallel.For(0, leaves.Count, i =>
        {
            var leaf = leaves[i];
            var top = byDate
                ? (ICollector)TopFieldCollector.Create(ByDate, wanted, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false)
                : TopScoreDocCollector.Create(wanted, docsScoredInOrder: false);
            var collector = all is null ? top : new IdCollector(top, all, leaf.DocBase);
            collector.SetNextReader(leaf);
            try
            {
                weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(new Deadline(collector, stopAt));
            }
            catch (CollectionTerminatedException)
            {
                timedOut = true;
            }

            tops[i] = top is TopFieldCollector byField ? byField.GetTopDocs() : ((TopScoreDocCollector)top).GetTopDocs();
            counts[i] = (collector as IdCollector)?.Count ?? 0;
        });

        all?.Compact(leaves.Select(l => l.DocBase).ToArray(), counts);
        var merged = TopDocs.Merge(byDate ? ByDate : null, skip, take, tops);
        var ids = MultiDocValues.GetNumericValues(searcher.IndexReader, SearchFields.Id);
        var page = merged.ScoreDocs.Select(d => (Id: (int)(ids?.Get(d.Doc) ?? 0), d.Score)).ToList();
        return new IndexHits(tops.Sum(t => t.TotalHits), page, all, timedOut);
    }

    /// <summary>Stops a segment's collection once the search's time is up (looked at every 1,024 hits: reading the clock costs).</summary>
    private sealed class Deadline(ICollector inner, long stopAt) : ICollector
    {
        private int _seen;

        public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

        public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

        public void SetNextReader(AtomicReaderContext context) => inner.SetNextReader(context);

        public void Collect(int doc)
        {
            if ((++_seen & 1023) == 0 && Stopwatch.GetTimestamp() > stopAt)
            {
                throw new CollectionTerminatedException();
            }

            inner.Collect(doc);
        }
    }

    /// <summary>
    /// Passes each hit on to the segment's top-hits collector and keeps its row id in the segment's own region of the
    /// shared buffer, read from a per-segment array of the id doc values (built once per segment: segments never change).
    /// </summary>
    private sealed class IdCollector(ICollector top, HitIds all, int offset) : ICollector
    {
        private int[] _ids = [];

        public int Count { get; private set; }

        public bool AcceptsDocsOutOfOrder => top.AcceptsDocsOutOfOrder;

        public void SetScorer(Scorer scorer) => top.SetScorer(scorer);

        public void SetNextReader(AtomicReaderContext context)
        {
            top.SetNextReader(context);
            var reader = context.AtomicReader;
            _ids = s_segmentIds.GetValue(reader.CoreCacheKey, _ => Read(reader));
        }

        public void Collect(int doc)
        {
            top.Collect(doc);
            all.Set(offset + Count++, _ids[doc]);
        }

        private static int[] Read(AtomicReader reader)
        {
            var values = reader.GetNumericDocValues(SearchFields.Id);
            var ids = new int[reader.MaxDoc];
            for (var doc = 0; doc < ids.Length; doc++)
            {
                ids[doc] = (int)(values?.Get(doc) ?? 0);
            }

            return ids;
        }
    }
}

/// <summary>
/// The ids of every hit, in a buffer borrowed from the shared pool: at 100,000 hits a fresh list per search would be
/// garbage on the large-object heap every time. Each segment fills its own region; <see cref="Compact"/> closes the gaps.
/// </summary>
internal sealed class HitIds(int capacity) : IDisposable
{
    private int[] _buffer = ArrayPool<int>.Shared.Rent(Math.Max(16, capacity));

    public int Count { get; private set; }

    public ArraySegment<int> Ids => new(_buffer, 0, Count);

    public void Set(int index, int id) => _buffer[index] = id;

    /// <summary>Moves each region (starting at its offset, holding its count) down behind the previous one.</summary>
    public void Compact(int[] offsets, int[] counts)
    {
        Count = 0;
        for (var i = 0; i < offsets.Length; i++)
        {
            Array.Copy(_buffer, offsets[i], _buffer, Count, counts[i]);
            Count += counts[i];
        }
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_buffer);
        _buffer = [];
        Count = 0;
    }
}
