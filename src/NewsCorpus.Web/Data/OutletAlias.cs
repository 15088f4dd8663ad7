namespace NewsCorpus.Web.Data;

/// <summary>A name an outlet was seen under ("JPost.com", "@jpost", "The Jerusalem Post"); the key is unique across outlets.</summary>
public sealed class OutletAlias
{
    public int Id { get; set; }

    public int OutletId { get; set; }

    public required string Name { get; set; }

    /// <summary><see cref="Outlet.Normalize"/> of the name.</summary>
    public required string Key { get; set; }
}
