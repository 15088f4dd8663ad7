using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsCorpus.Web.Api;

/// <summary>page and pageSize as every list endpoint reads them: 1-based, 1 to 100 a page, 25 by default.</summary>
public static class Paging
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 25;

    /// <summary>The furthest item a page may start at; far beyond any corpus, well inside 32 bits.</summary>
    public const int MaxOffset = 100_000_000;

    public static (int Page, int PageSize, ProblemHttpResult? Problem) Read(int? page, int? pageSize)
    {
        var pageNumber = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        // The offset is worked out in 64 bits: page 2147483647 must be refused, not wrap to a negative offset and show page 1.
        if (pageNumber < 1 || size is < 1 or > MaxPageSize || (long)(pageNumber - 1) * size > MaxOffset)
        {
            return (0, 0, TypedResults.Problem(
                title: "Invalid paging",
                detail: $"page must be 1 or more and pageSize between 1 and {MaxPageSize}, and page × pageSize at most {MaxOffset:N0}.",
                statusCode: StatusCodes.Status400BadRequest));
        }

        return (pageNumber, size, null);
    }
}
