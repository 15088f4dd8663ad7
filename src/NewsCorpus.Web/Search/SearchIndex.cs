using System.Globalization;
using System.Threading.Channels;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsCorpus.Web.Data;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace NewsCorpus.Web.Search;

/// <summary>How far a rebuild has come, for the note searches show while it runs.</summary>
public sealed record IndexRebuild(int Done, int Total);

/// <summary>
/// This instance's Lucene index of articles and quotes, in a folder of its own. It applies the search outbox in
/// sequence order and stores the last sequence applied in each commit, so a restart carries on where it stopped; an
/// index that is missing, unreadable, or older than the outbox keeps, is rebuilt from the database. One process
/// writes an index folder at a time (Lucene's write lock): the CLI applies changes when the app is not running,
/// the app's <see cref="SearchIndexer"/> when it is.
/// </summary>
public sealed class SearchIndex(IOptions<SearchOptions> options, DatabaseLocation location, TimeProvider clock, ILogger<SearchIndex> logger) : IDisposable
{
    private const string SequenceKey = "sequence";
    private const string UpdatedKey = "updated";
    private const int RowsPerRead = 50_000;

    /// <summary>Articles written between commits while a catch-up applies many changes.</summary>
    private const int ArticlesPerCommit = 20_000;
    private const int ArticlesPerBatch = 500;

    private readonly SemaphoreSlim _lock = new(1, 1);

    // PostgreSQL hands out sequence numbers before commit; SQLite writes one transaction at a time, so it has no gaps to wait for.
    private readonly OutboxCursor _cursor = new(location.Provider == DatabaseProvider.Postgres ? TimeSpan.FromSeconds(60) : TimeSpan.Zero);
    private LuceneDirectory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;
    private long _searchable;
    private bool _needsRebuild;

    public SearchAnalyzer Analyzer { get; } = new();

    /// <summary>Set while the index is rebuilt; searches then answer from what it held before.</summary>
    public IndexRebuild? Rebuilding { get; private set; }

    /// <summary>The last outbox sequence that searches see (applied, committed and opened for searching).</summary>
    public long Sequence => Interlocked.Read(ref _searchable);

    public string Folder { get; } = ResolveFolder(options.Value, location);

    private static string ResolveFolder(SearchOptions options, DatabaseLocation location)
    {
        if (!string.IsNullOrWhiteSpace(options.IndexPath))
        {
            return Path.GetFullPath(options.IndexPath);
        }

        if (location.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(location.ConnectionString).DataSource;
            return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", "index");
        }

        return Path.GetFullPath(Path.Combine("data", "index"));
    }

    /// <summary>Runs a search on the current view of the index (an empty one before the index is first opened).</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var searchers = _searchers;
        if (searchers is null)
        {
            using var empty = new MultiReader();
            return search(NewSearcher(empty));
        }

        var searcher = searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Applies every change recorded since the last one applied (or rebuilds, when the index cannot be caught up).
    /// False when another process holds the index. Waits for a catch-up already running unless a rebuild is.
    /// </summary>
    public async Task<bool> CatchUpAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // While a rebuild holds the lock, a search does not wait for it; otherwise everyone waits their turn.
        if (Rebuilding is not null)
        {
            if (!await _lock.WaitAsync(0, cancellationToken))
            {
                return false;
            }
        }
        else
        {
            await _lock.WaitAsync(cancellationToken);
        }

        try
        {
            if (!await OpenAsync(db, cancellationToken))
            {
                return false;
            }

            if (_needsRebuild)
            {
                await RebuildLockedAsync(db, cancellationToken);
            }

            await ApplyPendingAsync(db, cancellationToken);
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Rebuilds the whole index from the database (the reindex verb); false when another process holds it.</summary>
    public async Task<bool> RebuildAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (!await OpenAsync(db, cancellationToken))
            {
                return false;
            }

            await RebuildLockedAsync(db, cancellationToken);
            await ApplyPendingAsync(db, cancellationToken);
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Whether changes are waiting that this index has not applied.</summary>
    public async Task<bool> IsBehindAsync(NewsCorpusDbContext db, CancellationToken cancellationToken) =>
        _writer is null || await SearchOutbox.LastAsync(db, cancellationToken) > Sequence + _cursor.AppliedAbove;

    /// <summary>Article and quote documents, and the size of the folder in bytes.</summary>
    public (int Articles, int Quotes, long Bytes) Size() => Search(searcher =>
    {
        var articles = searcher.Search(new TermQuery(new Term(SearchFields.Kind, SearchFields.ArticleKind)), 1).TotalHits;
        var quotes = searcher.Search(new TermQuery(new Term(SearchFields.Kind, SearchFields.QuoteKind)), 1).TotalHits;
        var bytes = System.IO.Directory.Exists(Folder) ? new DirectoryInfo(Folder).EnumerateFiles().Sum(f => f.Length) : 0;
        return (articles, quotes, bytes);
    });

    private async Task<bool> OpenAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            return true;
        }

        System.IO.Directory.CreateDirectory(Folder);
        _directory = FSDirectory.Open(Folder);
        try
        {
            _writer = new IndexWriter(_directory, WriterConfig(OpenMode.CREATE_OR_APPEND));
            _searchers = new SearcherManager(_writer, true, new Bm25Searchers());
        }
        catch (LockObtainFailedException)
        {
            logger.LogInformation("The search index at {IndexPath} is held by another process; it applies the changes", Folder);
            Close();
            return false;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or IndexOutOfRangeException or ArgumentException)
        {
            logger.LogWarning(ex, "The search index at {IndexPath} could not be read; it is rebuilt from the database", Folder);
            Close();
            System.IO.Directory.Delete(Folder, recursive: true);
            System.IO.Directory.CreateDirectory(Folder);
            _directory = FSDirectory.Open(Folder);
            _writer = new IndexWriter(_directory, WriterConfig(OpenMode.CREATE));
            _searchers = new SearcherManager(_writer, true, new Bm25Searchers());
        }

        await ReadCommitAsync(db, cancellationToken);
        if (!_needsRebuild && options.Value.WarmOnOpen)
        {
            Warm();
        }

        return true;
    }

    private void Warm()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        Search(searcher =>
        {
            SearchWarmup.Warm(searcher, Analyzer);
            return 0;
        });
        logger.LogInformation("Search index warmed in {ElapsedMs} ms", started.ElapsedMilliseconds);
    }

    // Where the last commit left off, and whether the outbox still holds every change since.
    private async Task ReadCommitAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        var data = _writer!.CommitData;
        var last = await SearchOutbox.LastAsync(db, cancellationToken);
        var retention = TimeSpan.FromDays(options.Value.OutboxRetentionDays);
        var sequence = 0L;
        var hasSequence = data.TryGetValue(SequenceKey, out var sequenceText) && long.TryParse(sequenceText, CultureInfo.InvariantCulture, out sequence);
        _cursor.Reset(hasSequence ? sequence : 0);
        var updated = data.TryGetValue(UpdatedKey, out var updatedText) && DateTime.TryParse(updatedText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : DateTime.MinValue;
        // Changes after this index's sequence may have been pruned only if it is older than the outbox keeps them.
        var first = await SearchOutbox.FirstAsync(db, cancellationToken);
        var pruned = first > _cursor.Watermark + 1 && updated < clock.GetUtcNow().UtcDateTime - retention + TimeSpan.FromHours(1);
        _needsRebuild = !hasSequence || _cursor.Watermark > last || pruned;
        Interlocked.Exchange(ref _searchable, _cursor.Watermark);

        logger.LogInformation("Search index at {IndexPath} opened at sequence {Sequence} (outbox at {Last}); rebuild needed: {Rebuild}", Folder, _cursor.Watermark, last, _needsRebuild);
    }

    private IndexWriterConfig WriterConfig(OpenMode mode) => new(SearchAnalyzer.Version, Analyzer)
    {
        OpenMode = mode,
        Similarity = new BM25Similarity(),
        // Fewer, larger flushes and no compound files: less merging and copying while whole corpora go in.
        RAMBufferSizeMB = 256,
        MergePolicy = new TieredMergePolicy { NoCFSRatio = 0.0 },
        UseCompoundFile = false,
    };

    private async Task RebuildLockedAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        // Changes recorded after this point are applied afterwards, so an article changed during the rebuild is not missed.
        var target = await SearchOutbox.LastAsync(db, cancellationToken);
        var ids = await db.Articles.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        Rebuilding = new IndexRebuild(0, ids.Count);
        try
        {
            _writer!.DeleteAll();
            await WriteAsync(db, ids, replace: false, done => Rebuilding = new IndexRebuild(done, ids.Count), cancellationToken);
            _cursor.Reset(target);
            Commit();
            _needsRebuild = false;
            Warm();
        }
        catch
        {
            _writer!.Rollback();
            Close();
            throw;
        }
        finally
        {
            Rebuilding = null;
        }

        logger.LogInformation("Search index rebuilt: {ArticleCount} articles in {ElapsedMs} ms", ids.Count, started.ElapsedMilliseconds);
    }

    private async Task ApplyPendingAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        // Every pending change is read first (ids only), so an article changed several times since the last catch-up (a
        // large ingestion records each article when it is stored and again when the passes change its entities or
        // speakers) is written once; commits follow each group of articles, so an interrupted catch-up keeps its work.
        var started = System.Diagnostics.Stopwatch.StartNew();
        var fresh = await FreshChangesAsync(db, cancellationToken);
        foreach (var group in fresh.GroupBy(r => r.ArticleId).Chunk(ArticlesPerCommit))
        {
            await WriteAsync(db, [.. group.Select(g => g.Key)], replace: true, _ => { }, cancellationToken);
            _cursor.Applied(group.SelectMany(g => g.Select(r => r.Id)));
            _cursor.Advance(clock.GetUtcNow().UtcDateTime);
            Commit();
        }

        if (fresh.Count == 0 && _cursor.Advance(clock.GetUtcNow().UtcDateTime))
        {
            Commit();
        }

        if (fresh.Count > 0)
        {
            logger.LogInformation("Search index: {ChangeCount} changes to {ArticleCount} articles applied in {ElapsedMs} ms",
                fresh.Count, fresh.Select(r => r.ArticleId).Distinct().Count(), started.ElapsedMilliseconds);
        }
    }

    private async Task<List<(long Id, int ArticleId)>> FreshChangesAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        var fresh = new List<(long Id, int ArticleId)>();
        var after = _cursor.Watermark;
        while (true)
        {
            var rows = await SearchOutbox.PendingAsync(db, after, RowsPerRead, cancellationToken);
            fresh.AddRange(rows.Where(r => !_cursor.IsApplied(r.Id)));
            if (rows.Count < RowsPerRead)
            {
                return fresh;
            }

            after = rows[^1].Id;
        }
    }

    // One reader fetches batches of articles from the database into a bounded queue while a writer per core analyses
    // and adds them, so neither waits for the other between batches.
    private async Task WriteAsync(NewsCorpusDbContext db, List<int> articleIds, bool replace, Action<int> progress, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<(int Id, List<Document>? Documents)>(new BoundedChannelOptions(2 * ArticlesPerBatch) { SingleWriter = true });
        var writers = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(_ => Task.Run(() => IndexFromAsync(queue.Reader, replace, cancellationToken), cancellationToken)).ToList();
        try
        {
            var done = 0;
            foreach (var batch in articleIds.Chunk(ArticlesPerBatch))
            {
                var documents = await SearchDocuments.LoadAsync(db, batch, cancellationToken);
                foreach (var id in batch)
                {
                    await queue.Writer.WriteAsync((id, documents.GetValueOrDefault(id)), cancellationToken);
                }

                progress(done += batch.Length);
            }
        }
        finally
        {
            queue.Writer.TryComplete();
            await Task.WhenAll(writers);
        }
    }

    private async Task IndexFromAsync(ChannelReader<(int Id, List<Document>? Documents)> queue, bool replace, CancellationToken cancellationToken)
    {
        await foreach (var (id, documents) in queue.ReadAllAsync(cancellationToken))
        {
            var term = new Term(SearchFields.Article, SearchDocuments.Key(id));
            if (documents is null)
            {
                _writer!.DeleteDocuments(term);
            }
            else if (replace)
            {
                _writer!.UpdateDocuments(term, documents);
            }
            else
            {
                _writer!.AddDocuments(documents);
            }
        }
    }

    private void Commit()
    {
        _writer!.SetCommitData(new Dictionary<string, string>
        {
            [SequenceKey] = _cursor.Watermark.ToString(CultureInfo.InvariantCulture),
            [UpdatedKey] = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        });
        _writer.Commit();
        _searchers!.MaybeRefreshBlocking();
        Interlocked.Exchange(ref _searchable, _cursor.Watermark);
    }

    private static IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };

    private sealed class Bm25Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => SearchIndex.NewSearcher(reader);
    }

    private void Close()
    {
        _searchers?.Dispose();
        _searchers = null;
        _writer?.Dispose();
        _writer = null;
        _directory?.Dispose();
        _directory = null;
    }

    public void Dispose()
    {
        Close();
        _lock.Dispose();
        Analyzer.Dispose();
    }
}
