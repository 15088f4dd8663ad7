using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Ingestion;

/// <summary>
/// The second part of ingestion: prepared files become article rows, inside the caller's transaction. The plainly new
/// files of a block (a path and a text the corpus does not have) go in together: one savepoint, the articles in one
/// batch, their rows in one statement run per table. Any other file, and every file of a block that failed together,
/// goes in alone under its own savepoint, so a bad file never leaves half an article and never stops the rest.
/// </summary>
public sealed class ArticleStore(NewsCorpusDbContext db, FilePreparation preparation, OutletDirectory outlets, TimeProvider clock, ILogger<ArticleStore> logger)
{
    private const string BlockSavepoint = "ingest_block";
    private const string FileSavepoint = "ingest_file";

    /// <summary>Stores a block; <paramref name="knownPaths"/> are the paths stored when the run began.</summary>
    public async Task<FileResult[]> StoreAsync(IDbContextTransaction transaction, PreparedFile[] block, IReadOnlySet<string> knownPaths, int runId, CancellationToken cancellationToken)
    {
        var results = new FileResult?[block.Length];
        var fresh = await PlainlyNewAsync(block, knownPaths, cancellationToken);
        if (fresh.Count > 0)
        {
            await TryStoreTogetherAsync(transaction, block, fresh, results, cancellationToken);
        }

        for (var i = 0; i < block.Length; i++)
        {
            results[i] ??= block[i].Failure ?? await StoreAloneAsync(transaction, block[i], runId, cancellationToken);
        }

        return results!;
    }

    // Parsed, with text, a path not stored when the run began, a text neither stored nor earlier in the block.
    private async Task<List<int>> PlainlyNewAsync(PreparedFile[] block, IReadOnlySet<string> knownPaths, CancellationToken cancellationToken)
    {
        var candidates = Enumerable.Range(0, block.Length)
            .Where(i => block[i] is { Failure: null, Parsed.Paragraphs.Count: > 0, Analysis: not null, ContentHash: not null } && !knownPaths.Contains(block[i].Path))
            .ToList();
        var hashes = candidates.Select(i => block[i].ContentHash!).Distinct().ToList();
        var stored = (await db.Articles.AsNoTracking().Where(a => hashes.Contains(a.ContentHash)).Select(a => a.ContentHash).ToListAsync(cancellationToken)).ToHashSet();
        var seen = new HashSet<string>();
        return [.. candidates.Where(i => !stored.Contains(block[i].ContentHash!) && seen.Add(block[i].ContentHash!))];
    }

    private async Task TryStoreTogetherAsync(IDbContextTransaction transaction, PreparedFile[] block, List<int> fresh, FileResult?[] results, CancellationToken cancellationToken)
    {
        await transaction.CreateSavepointAsync(BlockSavepoint, cancellationToken);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var articles = new List<(int Index, Article Article)>(fresh.Count);
            foreach (var i in fresh)
            {
                var article = new Article { Title = block[i].Parsed!.Title, SourcePath = block[i].Path, ContentHash = block[i].ContentHash!, IngestedAt = now };
                await FillAsync(article, block[i], now, cancellationToken);
                db.Articles.Add(article);
                articles.Add((i, article));
            }

            await db.SaveChangesAsync(cancellationToken);
            // Rows in article order, as reanalyze writes them, so the corpus reads the same either way.
            await WriteChildrenAsync([.. articles.OrderBy(a => a.Article.Id).Select(a => (a.Article.Id, block[a.Index]))], now, cancellationToken);
            await transaction.ReleaseSavepointAsync(BlockSavepoint, cancellationToken);
            foreach (var (i, article) in articles)
            {
                results[i] = new FileResult(block[i].Path, FileOutcome.Added, article.Id) { Warnings = block[i].Parsed!.Warnings };
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another process may have stored one of these paths a moment ago, or one file's rows cannot be written: file by file.
            await transaction.RollbackToSavepointAsync(BlockSavepoint, cancellationToken);
            logger.LogDebug(ex, "Storing {FileCount} new files together failed; storing them one by one", fresh.Count);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<FileResult> StoreAloneAsync(IDbContextTransaction transaction, PreparedFile file, int runId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await transaction.CreateSavepointAsync(FileSavepoint, cancellationToken);
            try
            {
                var result = await StoreOneAsync(file, runId, cancellationToken);
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

    private async Task<FileResult> StoreOneAsync(PreparedFile file, int runId, CancellationToken cancellationToken)
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

        if (prepared.Parsed!.Paragraphs.Count == 0)
        {
            return FilePreparation.Failed(path, file.IsHtml ? "no article text found in the page" : "no article text found in the file");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var article = existing ?? new Article { Title = prepared.Parsed.Title, SourcePath = path, ContentHash = contentHash, IngestedAt = now };
        await FillAsync(article, prepared, now, cancellationToken);
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
        await WriteChildrenAsync([(article.Id, prepared)], now, cancellationToken);
        return new FileResult(path, existing is null ? FileOutcome.Added : FileOutcome.Updated, article.Id) { Warnings = prepared.Parsed.Warnings };
    }

    /// <summary>Sets what the file says on the article; it owes every corpus pass again.</summary>
    private async Task FillAsync(Article article, PreparedFile prepared, DateTime now, CancellationToken cancellationToken)
    {
        var parsed = prepared.Parsed!;
        article.Title = parsed.Title;
        article.TitleDerived = parsed.TitleDerived;
        article.PublishedOn = parsed.PublishedOn;
        article.PublishedTime = parsed.PublishedTime;
        article.Byline = parsed.Byline;
        article.WireOrigin = parsed.WireOrigin;
        article.Outlet = parsed.Outlet is { } outletName ? await outlets.FindOrAddAsync(outletName, parsed.OutletAliases, cancellationToken) : null;
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
        article.StoryTermCounts = prepared.Analysis!.StoryTermCounts;
        article.SentencePrints = prepared.Analysis.SentencePrints;
        article.StoryId = null;
        article.Resolved = false;
        article.QuotesClustered = false;
    }

    // Paragraphs, removed blocks, mentions and quotes of the articles, and their search entries.
    private async Task WriteChildrenAsync(List<(int ArticleId, PreparedFile File)> articles, DateTime now, CancellationToken cancellationToken)
    {
        var paragraphs = articles.SelectMany(a => a.File.Parsed!.Paragraphs.Select((p, i) => new ArticleParagraph { ArticleId = a.ArticleId, Ordinal = i, Text = p })).ToList();
        var removed = articles.SelectMany(a => a.File.Parsed!.Removed.Select((r, i) => new RemovedBlock { ArticleId = a.ArticleId, Ordinal = i, Text = r.Text, Reason = r.Reason })).ToList();
        foreach (var (articleId, file) in articles)
        {
            file.Analysis!.Mentions.ForEach(m => m.ArticleId = articleId);
            file.Analysis.Quotes.ForEach(q => q.ArticleId = articleId);
        }

        await ArticleRowWriter.InsertChildrenAsync(db, paragraphs, removed,
            [.. articles.SelectMany(a => a.File.Analysis!.Mentions)], [.. articles.SelectMany(a => a.File.Analysis!.Quotes)], cancellationToken);
        await RowInserter.InsertAsync(db, "SearchChanges", ["ArticleId", "Kind", "CreatedAt"], articles, a => [a.ArticleId, 0, now], cancellationToken);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
