using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NewsCorpus.Web.Search;

/// <summary>One page of hits (row id and score), the total, and optionally the ids of every hit (for facets).</summary>
internal sealed record IndexHits(int Total, IReadOnlyList<(int Id, float Score)> Page, List<int>? All)
{
    private static readonly Sort ByRelevance = new(SortField.FIELD_SCORE, new SortField(SearchFields.Id, SortFieldType.INT32));

    // Newest first (undated last), then relevance, then id.
    private static readonly Sort ByDate = new(new SortField(SearchFields.When, SortFieldType.INT64, true), SortField.FIELD_SCORE, new SortField(SearchFields.Id, SortFieldType.INT32));

    public static IndexHits Collect(IndexSearcher searcher, Query query, bool byDate, int skip, int take, bool collectAll)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var top = TopFieldCollector.Create(byDate ? ByDate : ByRelevance, Math.Max(1, skip + take), fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var all = collectAll ? new IdCollector() : null;
        searcher.Search(query, all is null ? top : MultiCollector.Wrap(top, all));
        var ids = MultiDocValues.GetNumericValues(searcher.IndexReader, SearchFields.Id);
        var page = top.GetTopDocs(skip, take).ScoreDocs.Select(d => (Id: (int)(ids?.Get(d.Doc) ?? 0), d.Score)).ToList();
        return new IndexHits(top.TotalHits, page, all?.Ids);
    }

    /// <summary>The row id of every hit, read from doc values (no stored fields touched per hit).</summary>
    private sealed class IdCollector : ICollector
    {
        private NumericDocValues? _ids;

        public List<int> Ids { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _ids = context.AtomicReader.GetNumericDocValues(SearchFields.Id);

        public void Collect(int doc) => Ids.Add((int)_ids!.Get(doc));
    }
}
