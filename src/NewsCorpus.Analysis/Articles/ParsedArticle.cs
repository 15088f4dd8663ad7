namespace NewsCorpus.Analysis.Articles;

/// <summary>An article file read into its parts: metadata, the story's paragraphs, and what was cut.</summary>
public sealed record ParsedArticle
{
    public required string Title { get; init; }

    /// <summary>True when the text had no headline and the title was made from the lead.</summary>
    public bool TitleDerived { get; init; }

    public DateOnly? PublishedOn { get; init; }

    public TimeOnly? PublishedTime { get; init; }

    public string? Byline { get; init; }

    /// <summary>The agency or outlet the copy comes from (Reuters, AP, RFE/RL), only when the text says so.</summary>
    public string? WireOrigin { get; init; }

    /// <summary>The outlet that published this copy, only from evidence in the text or a sidecar.</summary>
    public string? Outlet { get; init; }

    /// <summary>Where the outlet name was found, for users checking the reader.</summary>
    public string? OutletEvidence { get; init; }

    public string? Url { get; init; }

    /// <summary>The page's declared language (html lang, Content-Language, og:locale), as a tag such as "en" or "pt-BR".</summary>
    public string? Language { get; init; }

    public required IReadOnlyList<string> Paragraphs { get; init; }

    public required IReadOnlyList<BoilerplateBlock> Removed { get; init; }

    public int WordCount { get; init; }

    /// <summary>Every date the file or its sidecar gave, most trusted first; <see cref="PublicationDates"/> settles them.</summary>
    public IReadOnlyList<DateCandidate> DateCandidates { get; init; } = [];

    /// <summary>Other names the page gives its publisher (og:site_name, JSON-LD publisher, title suffix, domain, Twitter handle).</summary>
    public IReadOnlyList<string> OutletAliases { get; init; } = [];

    /// <summary>What was wrong with the file's metadata and was dropped, in words a user can act on.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>A publication date as found: where (JSON-LD datePublished, sidecar …), the raw text, and what it parsed to.</summary>
public sealed record DateCandidate(string Source, string Raw, DateOnly? Date, TimeOnly? Time = null);

/// <summary>A block of the file left out of the story, with the reason it was left out.</summary>
public sealed record BoilerplateBlock(string Text, string Reason);

/// <summary>Metadata a user supplies next to an article file; each field overrides what the text shows.</summary>
public sealed record SidecarMetadata
{
    public string? Outlet { get; init; }

    public string? Url { get; init; }

    public string? Title { get; init; }

    public DateOnly? Date { get; init; }

    public string? Author { get; init; }

    public bool IsEmpty => Outlet is null && Url is null && Title is null && Date is null && Author is null;
}
