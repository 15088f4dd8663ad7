using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Tests.Search;

/// <summary>Collecting hits: every match counted and its id kept, and a spent time budget stops the search with what it found.</summary>
public sealed class IndexHitsTests : IDisposable
{
    private const int Articles = 3000;
    private readonly RAMDirectory _directory = new();
    private readonly SearchAnalyzer _analyzer = new();
    private readonly DirectoryReader _reader;

    public IndexHitsTests()
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzer.Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            for (var id = 1; id <= Articles; id++)
            {
                var row = new SearchDocuments.ArticleRow(id, $"Harbour report {id}", null, new DateOnly(2020, 1, 1).AddDays(id % 300), null);
                writer.AddDocument(SearchDocuments.ArticleDocument(row, "The harbour master spoke about the harbour and its troops.", [], []));
            }
        }

        _reader = DirectoryReader.Open(_directory);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private static Query Harbour(IndexQuery words) => words.Build(words.Text(SearchQuery.Parse("harbour")), SearchQuery.Parse("harbour"), SearchFields.ArticleKind, []);

    [Fact]
    public void Every_match_is_counted_and_its_id_kept()
    {
        var searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        var hits = IndexHits.Collect(searcher, Harbour(new IndexQuery(_analyzer, IndexQuery.ArticleFields, [])), false, 0, 20, true, TimeSpan.FromMinutes(1));
        using var all = hits.All!;
        Assert.False(hits.TimedOut);
        Assert.Equal(Articles, hits.Total);
        Assert.Equal(Enumerable.Range(1, Articles), all.Ids.Order());
        Assert.Equal(20, hits.Page.Count);
    }

    [Fact]
    public void A_spent_time_budget_stops_the_search_with_what_it_found()
    {
        var searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        var hits = IndexHits.Collect(searcher, Harbour(new IndexQuery(_analyzer, IndexQuery.ArticleFields, [])), true, 0, 20, true, TimeSpan.Zero);
        using var all = hits.All!;
        Assert.True(hits.TimedOut);
        Assert.InRange(hits.Total, 1, Articles - 1);
        Assert.Equal(hits.Total, all.Count);
        Assert.Equal(20, hits.Page.Count);
    }
}
