using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsCorpus.Web.Accounts;
using NewsCorpus.Web.Ingestion;

namespace NewsCorpus.Web.Api;

/// <summary>
/// POST /api/ingest (multipart: <c>files</c>, optional <c>outlet</c> and <c>date</c>) stages the files and queues their
/// run (202, with the status's address); GET /api/ingest/{id} follows it. Editors, with a bearer token.
/// </summary>
public static class IngestApi
{
    public sealed record FileItem(string Path, string Outcome, int? ArticleId, string? Reason);

    public sealed record UploadItem(Guid Id, string State, int RunId, int Done, int Total, string? Problem, IReadOnlyList<FileItem> Refused, IReadOnlyList<FileItem> Files);

    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/ingest").WithTags("Ingestion").RequireAuthorization(AppPolicies.EditApi);
        // A token, not a cookie, authorises these: no cross-site form can send it, so no antiforgery token is asked for.
        api.MapPost("/", UploadAsync).DisableAntiforgery();
        api.MapGet("/{id:guid}", (Guid id, UploadTracker tracker) =>
            tracker.Find(id) is { } upload ? Results.Ok(Item(upload)) : TypedResults.Problem("There is no upload with that id on this server.", statusCode: 404));
        return endpoints;
    }

    private static async Task<Results<Accepted<UploadItem>, ProblemHttpResult>> UploadAsync(HttpRequest request, UploadStaging staging, UploadTracker tracker,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem("Send the files as multipart/form-data, in fields named files (with optional outlet and date).", statusCode: 400);
        }

        if (staging.RefuseLength(request.ContentLength) is { } tooLarge)
        {
            return TypedResults.Problem(tooLarge, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        DateOnly? date = null;
        if (form["date"].ToString() is { Length: > 0 } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                return TypedResults.Problem("date is a day written yyyy-MM-dd.", statusCode: 400);
            }

            date = day;
        }

        var upload = await staging.StageAsync([.. form.Files], form["outlet"].ToString(), date, cancellationToken);
        if (upload.Problem is not null)
        {
            return TypedResults.Problem(upload.Problem, statusCode: 400);
        }

        var status = tracker.Enqueue(user.Identity?.Name ?? "unknown", upload);
        return TypedResults.Accepted($"/api/ingest/{status.Id}", Item(status));
    }

    private static UploadItem Item(UploadStatus upload) => new(upload.Id, upload.State, upload.RunId, upload.Done, upload.Total, upload.Problem,
        [.. upload.Staged.Where(f => f.Refused is not null).Select(f => new FileItem(f.Name, "refused", null, f.Refused))],
        [.. upload.Results.Select(r => new FileItem(Path.GetRelativePath(upload.Folder, r.Path), r.Outcome.ToString(), r.ArticleId, r.Reason))]);
}
