namespace NewsCorpus.Web.Search;

/// <summary>Where the search index lives and how it is kept current (section "Search").</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The index folder; by default "index" beside the SQLite file, or data/index with PostgreSQL.</summary>
    public string? IndexPath { get; set; }

    /// <summary>How often the web app looks for changes to apply (the catch-up target is 5 seconds).</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>How long applied changes are kept; an index older than this is rebuilt from the database.</summary>
    public int OutboxRetentionDays { get; set; } = 7;

    /// <summary>Whether an opened index is warmed with searches before it answers (the web app; not the verbs).</summary>
    public bool WarmOnOpen { get; set; } = true;
}
