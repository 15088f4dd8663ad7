using Microsoft.AspNetCore.Http.HttpResults;
using NewsCorpus.Web.Charts;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Api;

/// <summary>GET /api/timeline and /api/speakers/top: the data behind the charts, as JSON.</summary>
public static class ChartsApi
{
    public static IEndpointRouteBuilder MapChartsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/timeline", TimelineAsync).WithTags("Charts");
        endpoints.MapGet("/api/speakers/top", TopSpeakersAsync).WithTags("Charts");
        return endpoints;
    }

    private static async Task<Results<Ok<Timeline.Result>, ProblemHttpResult>> TimelineAsync(
        NewsCorpusDbContext db, SearchService search, string? q, string? interval, CancellationToken cancellationToken)
    {
        string? chosen;
        try
        {
            chosen = Timeline.ReadInterval(interval);
        }
        catch (ArgumentException)
        {
            return TypedResults.Problem(title: "Unknown interval", detail: "interval must be day, week or month.", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await Timeline.LoadAsync(db, search, q, chosen, cancellationToken));
    }

    private static async Task<Ok<TopSpeakers.Result>> TopSpeakersAsync(
        NewsCorpusDbContext db, string? outlet, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        TypedResults.Ok(await TopSpeakers.LoadAsync(db, outlet, from, to, cancellationToken));
}
