namespace NewsCorpus.Web.Data;

/// <summary>The same statement carried by several articles, in identical or nearly identical words.</summary>
public sealed class QuoteCluster
{
    public int Id { get; set; }

    /// <summary>The longest variant, shown as the statement.</summary>
    public required string Text { get; set; }

    public int QuoteCount { get; set; }

    /// <summary>
    /// The entity the members resolve to (every member resolves to it or to nobody); null when none does. Not a foreign key:
    /// clusters are rebuilt with the entities on every corpus pass.
    /// </summary>
    public int? SpeakerEntityId { get; set; }

    public List<Quote> Quotes { get; set; } = [];
}
