using Microsoft.AspNetCore.Http.HttpResults;
using NewsCorpus.Web.Compare;

namespace NewsCorpus.Web.Api;

/// <summary>GET /api/compare?articles=1,2: the side-by-side comparison as data.</summary>
public static class CompareApi
{
    public static IEndpointRouteBuilder MapCompareApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/compare", CompareAsync).WithTags("Compare");
        return endpoints;
    }

    private static async Task<Results<Ok<Comparison>, ProblemHttpResult, Exports.StreamedExport>> CompareAsync(
        HttpRequest request, CompareService compare, string? format, CancellationToken cancellationToken)
    {
        var (ids, error) = CompareRequest.Parse(request.Query["articles"]);
        var (export, formatProblem) = Exports.StreamedExport.ReadFormat(format);
        if (error is not null)
        {
            return TypedResults.Problem(title: "Cannot compare these articles", detail: error, statusCode: StatusCodes.Status400BadRequest);
        }

        if (formatProblem is not null)
        {
            return formatProblem;
        }

        var (comparison, missing) = await compare.CompareAsync(ids, cancellationToken);
        if (comparison is null)
        {
            return TypedResults.Problem(title: "Article not found", detail: $"There is no article {string.Join(", ", missing)}.", statusCode: StatusCodes.Status404NotFound);
        }

        return export is { } exportFormat
            ? Exports.StreamedExport.Of(ComparisonRows.Of(comparison), exportFormat, "comparison")
            : TypedResults.Ok(comparison);
    }
}
