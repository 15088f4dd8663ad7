namespace NewsCorpus.Web.Ingestion;

public enum FileOutcome
{
    Added,
    Updated,
    Unchanged,
    Duplicate,
    Failed,
}

public sealed record FileResult(string Path, FileOutcome Outcome, int? ArticleId = null, string? Reason = null)
{
    /// <summary>Metadata the file gave that was dropped or doubted (an impossible date, a field of the wrong kind, an over-long title).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>How far a run is; <paramref name="Completed"/> holds the files whose result came since the last report.</summary>
public readonly record struct IngestionProgress(int Done, int Total, string CurrentPath, int RunId = 0, IReadOnlyList<FileResult>? Completed = null);

/// <summary>What one ingestion run did, file by file.</summary>
public sealed record IngestionReport(int RunId, IReadOnlyList<FileResult> Files, TimeSpan Elapsed)
{
    public int Count(FileOutcome outcome) => Files.Count(f => f.Outcome == outcome);

    public IEnumerable<FileResult> Failures => Files.Where(f => f.Outcome == FileOutcome.Failed);

    public bool HasFailures => Files.Any(f => f.Outcome == FileOutcome.Failed);

    public IEnumerable<FileResult> Warned => Files.Where(f => f.Warnings.Count > 0);
}
