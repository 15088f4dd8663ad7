using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Ingestion;

/// <summary>
/// Turns article files into rows: <see cref="FilePreparation"/> reads and analyses blocks of files (no database) while
/// the previous block is stored here, each file under its own savepoint, so a bad file or a crash never leaves half an
/// article and never stops the rest of the run; then <see cref="CorpusWork"/> runs the corpus passes and the search
/// index applies the changes.
/// </summary>
public sealed class IngestionService(NewsCorpusDbContext db, FilePreparation preparation, CorpusWork corpus, OutletDirectory outlets, SearchIndex search, ILogger<IngestionService> logger, TimeProvider clock)
{
    /// <summary>Files prepared ahead and written in one transaction.</summary>
    private const int BlockSize = 32;

    private const string FileSavepoint = "ingest_file";

    public async Task<IngestionReport> IngestAsync(IReadOnlyList<string> inputs, string trigger, IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var sources = string.Join("; ", inputs);
        var run = new IngestionRun
        {
            Trigger = trigger,
            Sources = sources.Length > 4000 ? sources[..3997] + "…" : sources,
            StartedAt = clock.GetUtcNow().UtcDateTime,
            HeartbeatAt = clock.GetUtcNow().UtcDateTime,
        };
        db.IngestionRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Ingestion run {RunId} ({Trigger}) started on {Sources}", run.Id, trigger, run.Sources);

        var results = new List<FileResult>();
        var files = new List<string>();
        foreach (var input in inputs)
        {
            InputFiles.Collect(input, files, results);
        }

        // Files go in blocks: the next block is read, parsed and analysed on the thread pool (in parallel) while
        // this one is written, and a block is written in one transaction with a savepoint per file, so each file
        // still goes in whole or not at all and the rest of the block is unaffected.
        var known = await KnownHashesAsync(files, cancellationToken);
        var blocks = files.Chunk(BlockSize).ToList();
        var next = blocks.Count > 0 ? preparation.PrepareBlockAsync(blocks[0], known, cancellationToken) : null;
        var waiting = new Stopwatch();
        var storing = new Stopwatch();
        for (var b = 0; b < blocks.Count; b++)
        {
            waiting.Start();
            var prepared = await next!;
            waiting.Stop();
            next = b + 1 < blocks.Count ? preparation.PrepareBlockAsync(blocks[b + 1], known, cancellationToken) : null;
            storing.Start();
            results.AddRange(await StoreBlockAsync(prepared, run.Id, results, i => progress?.Report(new IngestionProgress(b * BlockSize + i, files.Count, blocks[b][i])), cancellationToken));
            storing.Stop();
        }

        // Storing runs while the next block is analysed: waiting long means analysis is the bound, storing long the database.
        logger.LogInformation("Stored {FileCount} files in {ElapsedMs} ms ({StoringMs} ms storing, {WaitingMs} ms waiting for analysis)",
            files.Count, stopwatch.ElapsedMilliseconds, storing.ElapsedMilliseconds, waiting.ElapsedMilliseconds);

        progress?.Report(new IngestionProgress(files.Count, files.Count, ""));
        // Also when this run stored nothing: an earlier run may have been interrupted before its corpus passes.
        if (results.Any(r => r.Outcome is FileOutcome.Added or FileOutcome.Updated) || await corpus.IsPendingAsync(cancellationToken))
        {
            await corpus.CompleteAsync(cancellationToken);
        }

        await RecordRunAsync(run.Id, results, cancellationToken);
        await search.CatchUpAsync(db, cancellationToken);
        var report = new IngestionReport(run.Id, results, stopwatch.Elapsed);
        logger.LogInformation(
            "Ingestion run {RunId} finished in {ElapsedMs} ms: {Added} added, {Updated} updated, {Unchanged} unchanged, {Duplicate} duplicate, {Failed} failed",
            run.Id, (long)stopwatch.Elapsed.TotalMilliseconds, report.Count(FileOutcome.Added), report.Count(FileOutcome.Updated),
            report.Count(FileOutcome.Unchanged), report.Count(FileOutcome.Duplicate), report.Count(FileOutcome.Failed));
        return report;
    }

    /// <summary>Runs the analyzer again over every stored article (no files are read), then resolves the corpus.</summary>
    public async Task<int> ReanalyzeAsync(IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        // Recorded as a run that owes the corpus passes from the start: if it is stopped half-way, the next run completes them.
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new IngestionRun { Trigger = "reanalyze", Sources = "every stored article", StartedAt = now, HeartbeatAt = now, CorpusPending = true };
        db.IngestionRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await db.Articles.Where(a => a.CorpusProblem != null).ExecuteUpdateAsync(s => s.SetProperty(a => a.CorpusProblem, (string?)null), cancellationToken);

        // Every mention is replaced: without the name index, the entity pass resolves the whole corpus from scratch.
        await db.EntityKeys.ExecuteDeleteAsync(cancellationToken);
        var ids = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < ids.Count; i++)
        {
            progress?.Report(new IngestionProgress(i, ids.Count, $"article {ids[i]}"));
            var article = await db.Articles.Include(a => a.Paragraphs).Include(a => a.Mentions).Include(a => a.Quotes).AsSplitQuery()
                .SingleAsync(a => a.Id == ids[i], cancellationToken);
            ArticleAnalysis.Apply(article, [.. article.Paragraphs.OrderBy(p => p.Ordinal).Select(p => p.Text)]);
            db.SearchChanges.Add(new SearchChange { ArticleId = article.Id, CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (i % BlockSize == 0)
            {
                await BeatAsync(run.Id, cancellationToken);
            }
        }

        progress?.Report(new IngestionProgress(ids.Count, ids.Count, ""));
        await BeatAsync(run.Id, cancellationToken);
        await corpus.CompleteAsync(cancellationToken);
        await db.IngestionRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, clock.GetUtcNow().UtcDateTime).SetProperty(r => r.Updated, ids.Count), cancellationToken);
        await search.CatchUpAsync(db, cancellationToken);
        logger.LogInformation("Reanalysed {ArticleCount} articles", ids.Count);
        return ids.Count;
    }

    private Task<int> BeatAsync(int runId, CancellationToken cancellationToken) =>
        db.IngestionRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAt, clock.GetUtcNow().UtcDateTime), cancellationToken);

    private async Task<Dictionary<string, (string ContentHash, string? MetadataHash)>> KnownHashesAsync(List<string> files, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var chunk in files.Chunk(500))
        {
            foreach (var row in await db.Articles.AsNoTracking().Where(a => chunk.Contains(a.SourcePath))
                .Select(a => new { a.SourcePath, a.ContentHash, a.MetadataHash }).ToListAsync(cancellationToken))
            {
                known[row.SourcePath] = (row.ContentHash, row.MetadataHash);
            }
        }

        return known;
    }

    private async Task<List<FileResult>> StoreBlockAsync(PreparedFile[] block, int runId, List<FileResult> earlier, Action<int> starting, CancellationToken cancellationToken)
    {
        var results = new List<FileResult>(block.Length);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < block.Length; i++)
        {
            var file = block[i];
            starting(i);
            if (cancellationToken.IsCancellationRequested)
            {
                // Stopped: keep the whole articles written so far; a re-run finds them unchanged and does the rest.
                await transaction.CommitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
            }

            var result = file.Failure ?? await StoreWithRetryAsync(transaction, file, runId, cancellationToken);
            LogResult(result);
            results.Add(result);
        }

        // The run's counts move with the articles they count, and a run that stored anything owes the corpus passes.
        await RecordProgressAsync(runId, [.. earlier, .. results], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private async Task<FileResult> StoreWithRetryAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, PreparedFile file, int runId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await transaction.CreateSavepointAsync(FileSavepoint, cancellationToken);
            try
            {
                var result = await StoreAsync(file, runId, cancellationToken);
                await transaction.ReleaseSavepointAsync(FileSavepoint, cancellationToken);
                return result;
            }
            catch (DbUpdateException ex) when (attempt == 1)
            {
                // Another process may have added the same outlet or path a moment ago; read again and retry once.
                await transaction.RollbackToSavepointAsync(FileSavepoint, cancellationToken);
                logger.LogWarning(ex, "Retrying {Path} after a database conflict", file.Path);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await transaction.RollbackToSavepointAsync(FileSavepoint, cancellationToken);
                logger.LogError(ex, "Ingesting {Path} failed", file.Path);
                return new FileResult(file.Path, FileOutcome.Failed, Reason: $"unexpected error: {ex.Message}");
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private void LogResult(FileResult result)
    {
        if (result.Outcome == FileOutcome.Failed)
        {
            logger.LogWarning("Could not ingest {Path}: {Reason}", result.Path, result.Reason);
        }
        else
        {
            logger.LogDebug("{Path}: {Outcome} (article {ArticleId})", result.Path, result.Outcome, result.ArticleId);
        }
    }

    private async Task<FileResult> StoreAsync(PreparedFile file, int runId, CancellationToken cancellationToken)
    {
        var path = file.Path;
        var contentHash = file.ContentHash!;
        var existing = await db.Articles.FirstOrDefaultAsync(a => a.SourcePath == path, cancellationToken);
        if (existing is not null && existing.ContentHash == contentHash && existing.MetadataHash == file.MetadataHash)
        {
            return new FileResult(path, FileOutcome.Unchanged, existing.Id);
        }

        if (existing is null)
        {
            var original = await db.Articles.Where(a => a.ContentHash == contentHash).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (original is { } originalId)
            {
                db.IngestionDuplicates.Add(new IngestionDuplicate { IngestionRunId = runId, Path = path, ArticleId = originalId });
                await db.SaveChangesAsync(cancellationToken);
                return new FileResult(path, FileOutcome.Duplicate, originalId, $"same text as article {originalId}");
            }
        }

        // Read as unchanged but changed in the database since the run started (another process): analyse now.
        var prepared = file.Parsed is null ? preparation.Prepare(path, []) : file;
        if (prepared.Failure is not null)
        {
            return prepared.Failure;
        }

        var parsed = prepared.Parsed!;
        if (parsed.Paragraphs.Count == 0)
        {
            return FilePreparation.Failed(path, file.IsHtml ? "no article text found in the page" : "no article text found in the file");
        }

        var analysis = prepared.Analysis!;
        var outlet = parsed.Outlet is { } outletName ? await outlets.FindOrAddAsync(outletName, parsed.OutletAliases, cancellationToken) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var article = existing ?? new Article { Title = parsed.Title, SourcePath = path, ContentHash = contentHash, IngestedAt = now };
        article.Title = parsed.Title;
        article.TitleDerived = parsed.TitleDerived;
        article.PublishedOn = parsed.PublishedOn;
        article.PublishedTime = parsed.PublishedTime;
        article.Byline = parsed.Byline;
        article.WireOrigin = parsed.WireOrigin;
        article.Outlet = outlet;
        article.OutletEvidence = parsed.OutletEvidence;
        article.Url = parsed.Url;
        article.Language = parsed.Language;
        article.ContentHash = prepared.ContentHash!;
        article.MetadataHash = prepared.MetadataHash;
        article.Encoding = prepared.EncodingName;
        article.WordCount = parsed.WordCount;
        article.Warnings = parsed.Warnings.Count == 0 ? null : Truncate(string.Join('\n', parsed.Warnings), 2000);
        article.CorpusProblem = null;
        article.UpdatedAt = now;
        article.StoryTerms = analysis.StoryTerms;
        article.StoryId = null;
        article.Resolved = false;
        article.QuotesClustered = false;
        if (existing is null)
        {
            db.Articles.Add(article);
        }
        else
        {
            await ArticleRowWriter.DeleteChildrenAsync(db, existing.Id, cancellationToken);
        }

        // The article, its analysis and its search entry go in under one savepoint: all of it or none.
        await db.SaveChangesAsync(cancellationToken);
        await ArticleRowWriter.InsertChildrenAsync(db, article.Id,
            [.. parsed.Paragraphs.Select((p, i) => new ArticleParagraph { Ordinal = i, Text = p })],
            [.. parsed.Removed.Select((r, i) => new RemovedBlock { Ordinal = i, Text = r.Text, Reason = r.Reason })],
            analysis.Mentions, analysis.Quotes, cancellationToken);
        await SearchOutbox.RecordAsync(db, article.Id, now, cancellationToken);
        return new FileResult(path, existing is null ? FileOutcome.Added : FileOutcome.Updated, article.Id) { Warnings = parsed.Warnings };
    }

    private async Task RecordProgressAsync(int runId, List<FileResult> results, CancellationToken cancellationToken)
    {
        int added = results.Count(r => r.Outcome == FileOutcome.Added), updated = results.Count(r => r.Outcome == FileOutcome.Updated);
        int unchanged = results.Count(r => r.Outcome == FileOutcome.Unchanged), duplicate = results.Count(r => r.Outcome == FileOutcome.Duplicate);
        var failed = results.Count(r => r.Outcome == FileOutcome.Failed);
        var stored = added + updated > 0;
        await db.IngestionRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Added, added).SetProperty(r => r.Updated, updated).SetProperty(r => r.Unchanged, unchanged)
            .SetProperty(r => r.Duplicate, duplicate).SetProperty(r => r.Failed, failed)
            .SetProperty(r => r.CorpusPending, r => r.CorpusPending || stored)
            .SetProperty(r => r.HeartbeatAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    private async Task RecordRunAsync(int runId, List<FileResult> results, CancellationToken cancellationToken)
    {
        var run = await db.IngestionRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        run.HeartbeatAt = run.FinishedAt;
        run.Added = results.Count(r => r.Outcome == FileOutcome.Added);
        run.Updated = results.Count(r => r.Outcome == FileOutcome.Updated);
        run.Unchanged = results.Count(r => r.Outcome == FileOutcome.Unchanged);
        run.Duplicate = results.Count(r => r.Outcome == FileOutcome.Duplicate);
        run.Failed = results.Count(r => r.Outcome == FileOutcome.Failed);
        db.IngestionWarnings.AddRange(results.SelectMany(r => r.Warnings.Select(w => new IngestionWarning
        {
            IngestionRunId = runId, Path = Truncate(r.Path, 2000), ArticleId = r.ArticleId, Message = Truncate(w, 1000),
        })));
        db.IngestionFailures.AddRange(results
            .Where(r => r.Outcome == FileOutcome.Failed)
            .Select(r => new IngestionFailure { IngestionRunId = runId, Path = Truncate(r.Path, 2000), Reason = Truncate(r.Reason ?? "unknown", 1000) }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public static string FormatBytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / 1024.0 / 1024.0:0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };
}
