namespace NewsCorpus.Web.Ingestion;

public enum FileOutcome
{
    Added,
    Updated,
    Unchanged,
    Duplicate,
    Failed,
}

public sealed record FileResult(string Path, FileOutcome Outcome, int? ArticleId = null, string? Reason = null);

public readonly record struct IngestionProgress(int Done, int Total, string CurrentPath);

/// <summary>What one ingestion run did, file by file.</summary>
public sealed record IngestionReport(int RunId, IReadOnlyList<FileResult> Files, TimeSpan Elapsed)
{
    public int Count(FileOutcome outcome) => Files.Count(f => f.Outcome == outcome);

    public IEnumerable<FileResult> Failures => Files.Where(f => f.Outcome == FileOutcome.Failed);

    public bool HasFailures => Files.Any(f => f.Outcome == FileOutcome.Failed);
}
