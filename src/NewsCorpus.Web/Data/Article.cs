namespace NewsCorpus.Web.Data;

public sealed class Article
{
    public int Id { get; set; }

    public required string Title { get; set; }

    /// <summary>The file had no headline; the title was made from the lead.</summary>
    public bool TitleDerived { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public TimeOnly? PublishedTime { get; set; }

    public string? Byline { get; set; }

    public string? WireOrigin { get; set; }

    public int? OutletId { get; set; }

    public Outlet? Outlet { get; set; }

    public string? OutletEvidence { get; set; }

    public string? Url { get; set; }

    /// <summary>The language a saved page declares ("en", "pt-BR"); null for plain text.</summary>
    public string? Language { get; set; }

    /// <summary>Full path of the file the article was read from; one article per path.</summary>
    public required string SourcePath { get; set; }

    /// <summary>SHA-256 of the decoded text: the same text under another path is a duplicate.</summary>
    public required string ContentHash { get; set; }

    /// <summary>SHA-256 of the sidecar metadata that applied, so a changed sidecar updates the article.</summary>
    public string? MetadataHash { get; set; }

    public string? Encoding { get; set; }

    public int WordCount { get; set; }

    public DateTime IngestedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int? StoryId { get; set; }

    public Story? Story { get; set; }

    /// <summary>
    /// What the article is about for story grouping: its stems' counts in the stored form of
    /// NewsCorpus.Analysis.Compare.StoryTerms.Write; set by the analysis.
    /// </summary>
    public byte[]? StoryTermCounts { get; set; }

    /// <summary>
    /// Its sentences as the shared-sentence count compares them (NewsCorpus.Analysis.Compare.SentencePrints); set by
    /// the analysis. Null on articles stored before prints were kept until the story pass first compares them.
    /// </summary>
    public byte[]? SentencePrints { get; set; }

    /// <summary>Metadata dropped or doubted while reading the file (an implausible date, conflicting dates), one per line.</summary>
    public string? Warnings { get; set; }

    /// <summary>
    /// Whether its mentions and quotes have been resolved against the corpus (entities, speakers, quote clusters). A
    /// stored or changed article is not; the entity pass resolves only such articles, against the stored name index.
    /// </summary>
    public bool Resolved { get; set; }

    /// <summary>Whether its quotes have been grouped with the corpus's statements (after its story is known).</summary>
    public bool QuotesClustered { get; set; }

    /// <summary>Why a corpus-wide pass (entities, quotes, stories, shared sentences) left this article out, when one did.</summary>
    public string? CorpusProblem { get; set; }

    public List<ArticleParagraph> Paragraphs { get; set; } = [];

    public List<RemovedBlock> RemovedBlocks { get; set; } = [];

    public List<EntityMention> Mentions { get; set; } = [];

    public List<Quote> Quotes { get; set; } = [];

    /// <summary>The text the analyzer reads: the paragraphs joined by a blank line. Mention and quote offsets point into it.</summary>
    public static string AnalysisText(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);
}
