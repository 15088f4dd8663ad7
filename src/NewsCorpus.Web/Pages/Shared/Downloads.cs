using Microsoft.AspNetCore.WebUtilities;

namespace NewsCorpus.Web.Pages.Shared;

/// <summary>"Download CSV / JSON Lines" for a page's list: the API address with the page's current filters and a format.</summary>
public sealed record Downloads(string ApiPath, IReadOnlyDictionary<string, string?> Filters, string What)
{
    public string UrlFor(string format) =>
        QueryHelpers.AddQueryString(ApiPath, Filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Append(new("format", format)));
}
