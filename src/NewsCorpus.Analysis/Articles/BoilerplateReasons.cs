namespace NewsCorpus.Analysis.Articles;

/// <summary>Why a block was left out of the story; shown to users next to the removed text.</summary>
public static class BoilerplateReasons
{
    public const string Navigation = "site navigation or section list";
    public const string Byline = "byline (kept as metadata)";
    public const string Dateline = "date line (kept as metadata)";
    public const string Caption = "photo caption or credit";
    public const string RepeatedCaption = "repeated photo caption";
    public const string Republication = "republication notice (kept as wire origin)";
    public const string WireCredit = "wire credit line (kept as wire origin)";
    public const string RelatedLink = "related-article link";
    public const string RelatedHeadline = "related headline between paragraphs";
    public const string Tags = "tag list";
    public const string Newsletter = "newsletter or subscription prompt";
    public const string ChannelPromotion = "channel or app promotion";
    public const string ListHeading = "most-read, opinion or promotion list";
    public const string Advertisement = "advertisement marker";
    public const string PageUpdate = "page-update note";
    public const string Footer = "page footer (copyright, contact, cookie or terms notice)";
    public const string RepeatedText = "repeats story text (standfirst or pull quote)";
}
