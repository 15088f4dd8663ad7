namespace NewsCorpus.Web.Data;

/// <summary>A publication that carried articles, named only from evidence (masthead, promo line, sidecar).</summary>
public sealed class Outlet
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Upper-cased name, so "the jerusalem post" and "The Jerusalem Post" are one outlet.</summary>
    public required string NormalizedName { get; set; }

    public List<Article> Articles { get; set; } = [];

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();
}
