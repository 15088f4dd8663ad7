using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsCorpus.Web.Api;

/// <summary>page and pageSize as every list endpoint reads them: 1-based, 1 to 100 a page, 25 by default.</summary>
public static class Paging
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 25;

    public static (int Page, int PageSize, ProblemHttpResult? Problem) Read(int? page, int? pageSize)
    {
        var pageNumber = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (pageNumber < 1 || size is < 1 or > MaxPageSize)
        {
            return (0, 0, TypedResults.Problem(
                title: "Invalid paging",
                detail: $"page must be 1 or more and pageSize between 1 and {MaxPageSize}.",
                statusCode: StatusCodes.Status400BadRequest));
        }

        return (pageNumber, size, null);
    }
}
