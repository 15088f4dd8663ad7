namespace NewsCorpus.Web.Data;

/// <summary>
/// An editor's correction of what the analysis got wrong, kept as an override that the corpus passes apply again after
/// every analysis (so <c>reanalyze</c> never loses it), and the audit log's entry for it: who, when, what, before, after.
/// Its subject names what it corrects by stable keys (a file path, a name, an offset), not by row ids that a new
/// analysis may change.
/// </summary>
public sealed class Correction
{
    public int Id { get; set; }

    public CorrectionKind Kind { get; set; }

    /// <summary>What is corrected, as a stable key (JSON of one of <see cref="NewsCorpus.Web.Corrections.CorrectionRefs"/>).</summary>
    public required string Subject { get; set; }

    /// <summary>A line for the audit log: "Merged entity “Abdul Mahdi” into “Adil Abdul-Mahdi”".</summary>
    public required string Summary { get; set; }

    /// <summary>JSON of what the corrected thing was before, enough to undo the correction.</summary>
    public required string Before { get; set; }

    /// <summary>JSON of what the correction sets.</summary>
    public required string After { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? UndoneBy { get; set; }

    public DateTime? UndoneAt { get; set; }
}

public enum CorrectionKind
{
    ArticleFields,
    ArticleDeleted,
    EntityRenamed,
    EntityRetyped,
    EntityMerged,
    EntitySplit,
    EntityNotAName,
    QuoteSpeaker,
    QuoteNotAQuote,
    QuoteUnmerged,
    OutletRenamed,
    OutletMerged,
}
