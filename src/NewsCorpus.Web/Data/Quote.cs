namespace NewsCorpus.Web.Data;

/// <summary>A direct quotation in an article and who said it. Offsets are into the article's text, like mentions.</summary>
public sealed class Quote
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public Article? Article { get; set; }

    public required string Text { get; set; }

    public bool Partial { get; set; }

    public string? Verb { get; set; }

    /// <summary>The words the quote is attributed to, as written (a name, a pronoun or a description).</summary>
    public string? SpeakerText { get; set; }

    /// <summary>For an unnamed speaker: "a senior state department official", "the lawmakers".</summary>
    public string? SpeakerDescription { get; set; }

    /// <summary>Where the named mention the speaker resolves to stands (for a pronoun, its antecedent), to link the entity after resolution.</summary>
    public int? SpeakerMentionStart { get; set; }

    public int? SpeakerEntityId { get; set; }

    public Entity? SpeakerEntity { get; set; }

    /// <summary>The sentence around the quote, for showing it in context.</summary>
    public required string Context { get; set; }

    public int Start { get; set; }

    public int End { get; set; }

    /// <summary>The quote's words hashed (NewsCorpus.Analysis.Quotes.QuoteClusterer.Fingerprint): finds its word-for-word copies by lookup.</summary>
    public int Fingerprint { get; set; }

    public int? QuoteClusterId { get; set; }

    public QuoteCluster? QuoteCluster { get; set; }
}
