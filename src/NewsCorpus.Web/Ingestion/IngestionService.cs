using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Ingestion;

/// <summary>
/// Turns article files into rows, orchestrating three parts: <see cref="FilePreparation"/> reads and analyses blocks of
/// files (no database) while <see cref="ArticleStore"/> stores the previous block in one transaction (whole articles
/// only: a bad file or a crash never leaves half an article and never stops the rest of the run); then
/// <see cref="CorpusWork"/> runs the corpus passes and the search index applies the changes.
/// </summary>
public sealed class IngestionService(NewsCorpusDbContext db, FilePreparation preparation, ArticleStore store, CorpusWork corpus, SearchIndex search, ILogger<IngestionService> logger, TimeProvider clock)
{
    /// <summary>Files prepared ahead and written in one transaction.</summary>
    private const int BlockSize = 32;

    /// <summary>Blocks prepared and waiting to be stored, at most.</summary>
    private const int BlocksAhead = 2;

    public async Task<IngestionReport> IngestAsync(IReadOnlyList<string> inputs, string trigger, IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var pausedBefore = GC.GetTotalPauseDuration();
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

        progress?.Report(new IngestionProgress(0, files.Count, "", run.Id, [.. results]));

        // Files go in blocks: the next blocks are read, parsed and analysed on the thread pool (in parallel) while
        // this one is written in one transaction, each file whole or not at all and the rest of the block unaffected.
        var known = await KnownHashesAsync(files, cancellationToken);
        var knownPaths = known.Keys.ToHashSet(StringComparer.Ordinal);
        var tally = new RunTally();
        var blocks = files.Chunk(BlockSize).ToList();
        var waiting = new Stopwatch();
        var storing = new Stopwatch();
        await using var ahead = preparation.PrepareAheadAsync(blocks, known, BlocksAhead, cancellationToken).GetAsyncEnumerator(cancellationToken);
        for (var b = 0; b < blocks.Count; b++)
        {
            waiting.Start();
            var prepared = await ahead.MoveNextAsync() ? ahead.Current : throw new InvalidOperationException("preparing ended before the last block");
            waiting.Stop();
            storing.Start();
            var stored = await StoreBlockAsync(prepared, run.Id, knownPaths, tally, cancellationToken);
            results.AddRange(stored);
            progress?.Report(new IngestionProgress(Math.Min((b + 1) * BlockSize, files.Count), files.Count, blocks[b][^1], run.Id, stored));
            storing.Stop();
        }

        // Storing runs while the next block is analysed: waiting long means analysis is the bound, storing long the database.
        // Allocation and collection pauses: on two cores the analysis threads and the writer share the CPU with the collector.
        logger.LogInformation("Stored {FileCount} files in {ElapsedMs} ms ({StoringMs} ms storing, {WaitingMs} ms waiting for analysis; {AllocatedMb} MB allocated, {PausedMs} ms paused for collections)",
            files.Count, stopwatch.ElapsedMilliseconds, storing.ElapsedMilliseconds, waiting.ElapsedMilliseconds,
            (GC.GetTotalAllocatedBytes() - allocatedBefore) >> 20, (long)(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds);

        progress?.Report(new IngestionProgress(files.Count, files.Count, "", run.Id));
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

    // A block goes in one transaction; stopped, the run keeps the whole blocks written so far and a re-run finds them unchanged.
    private async Task<FileResult[]> StoreBlockAsync(PreparedFile[] block, int runId, HashSet<string> knownPaths, RunTally tally, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var results = await store.StoreAsync(transaction, block, knownPaths, runId, cancellationToken);
        foreach (var result in results)
        {
            LogResult(result);
            tally.Count(result.Outcome);
        }

        // The run's counts move with the articles they count, and a run that stored anything owes the corpus passes.
        await RecordProgressAsync(runId, tally, cancellationToken);
        await transaction.CommitAsync(CancellationToken.None);
        return results;
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

    private async Task RecordProgressAsync(int runId, RunTally tally, CancellationToken cancellationToken)
    {
        var stored = tally.Added + tally.Updated > 0;
        await db.IngestionRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Added, tally.Added).SetProperty(r => r.Updated, tally.Updated).SetProperty(r => r.Unchanged, tally.Unchanged)
            .SetProperty(r => r.Duplicate, tally.Duplicate).SetProperty(r => r.Failed, tally.Failed)
            .SetProperty(r => r.CorpusPending, r => r.CorpusPending || stored)
            .SetProperty(r => r.HeartbeatAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    /// <summary>The run's outcome counts so far, kept as files are stored.</summary>
    private sealed class RunTally
    {
        public int Added { get; private set; }

        public int Updated { get; private set; }

        public int Unchanged { get; private set; }

        public int Duplicate { get; private set; }

        public int Failed { get; private set; }

        public void Count(FileOutcome outcome)
        {
            switch (outcome)
            {
                case FileOutcome.Added: Added++; break;
                case FileOutcome.Updated: Updated++; break;
                case FileOutcome.Unchanged: Unchanged++; break;
                case FileOutcome.Duplicate: Duplicate++; break;
                default: Failed++; break;
            }
        }
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
