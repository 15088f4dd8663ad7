namespace NewsCorpus.Web.Search;

/// <summary>The fields of the search index. Articles and quotes are documents of one index, told apart by <see cref="Kind"/>.</summary>
internal static class SearchFields
{
    /// <summary>"article" or "quote".</summary>
    public const string Kind = "kind";

    public const string ArticleKind = "article";
    public const string QuoteKind = "quote";

    /// <summary>The article's id on both kinds: an article's documents are deleted together by this term.</summary>
    public const string Article = "article";

    /// <summary>The row id (article or quote), as a doc value for collecting hits and as a stored value.</summary>
    public const string Id = "id";

    public const string Title = "title";
    public const string Body = "body";
    public const string Text = "text";

    /// <summary>Outlet id, or <see cref="NoOutlet"/>.</summary>
    public const string Outlet = "outlet";
    public const string NoOutlet = "none";

    /// <summary>Publication day number (days since 0001-01-01), for date filters; absent when undated.</summary>
    public const string Day = "day";

    /// <summary>Trie precision of <see cref="Day"/>, the same when indexing and filtering.</summary>
    public const int DayPrecisionStep = 16;

    /// <summary>Publication date and time in ticks, for date order; <see cref="long.MinValue"/> when undated.</summary>
    public const string When = "when";

    /// <summary>Ids of the entities an article mentions.</summary>
    public const string Entity = "entity";

    /// <summary>Ids of the speakers an article quotes, or the quote's speaker.</summary>
    public const string Speaker = "speaker";

    /// <summary>Speaker descriptions ("a police spokesman") of an article's quotes, or the quote's.</summary>
    public const string SpeakerDescription = "speakerdesc";
}
