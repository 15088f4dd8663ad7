namespace NewsCorpus.Web.Data;

/// <summary>A publication that carried articles, named only from evidence (masthead, promo line, page metadata, sidecar).</summary>
public sealed class Outlet
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Upper-cased name, so "the jerusalem post" and "The Jerusalem Post" are one outlet.</summary>
    public required string NormalizedName { get; set; }

    public List<Article> Articles { get; set; } = [];

    /// <summary>Every name the outlet was seen under, its own included.</summary>
    public List<OutletAlias> Aliases { get; set; } = [];

    /// <summary>What articles without a known outlet are filed and filtered under.</summary>
    public const string UnknownName = "unknown";

    /// <summary>The folded key names are compared by, so "The Jerusalem Post" and "jerusalem post" are one outlet.</summary>
    public static string Normalize(string name) => NewsCorpus.Analysis.Articles.OutletNames.Key(name);
}
