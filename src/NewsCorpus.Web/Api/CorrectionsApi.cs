using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Web.Accounts;
using NewsCorpus.Web.Corrections;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Api;

/// <summary>
/// The editors' corrections through the API, with a personal token (<c>Authorization: Bearer …</c>), never a cookie;
/// errors as RFC 7807 problems (404 unknown id, 400 invalid change, 409 a concurrent change).
/// </summary>
public static class CorrectionsApi
{
    public sealed record ArticlePatch(string? Title, DateOnly? PublishedOn, string? Byline, string? WireOrigin, string? Outlet);

    public sealed record EntityPatch(string? Name, EntityType? Type, bool? NotAName, int? Version);

    public sealed record MergeRequest(int Into, int? Version);

    public sealed record SplitRequest(string Alias, int? Version);

    public sealed record QuotePatch(int? SpeakerEntityId, string? SpeakerDescription, bool? NotAQuote, bool? Unmerge);

    public sealed record OutletPatch(string Name);

    public sealed record CorrectionItem(int Id, CorrectionKind Kind, string Summary, string CreatedBy, DateTime CreatedAt, string? UndoneBy, DateTime? UndoneAt);

    public sealed record AuditPage(int Total, int Page, int PageSize, IReadOnlyList<CorrectionItem> Items);

    public static IEndpointRouteBuilder MapCorrectionsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Corrections").RequireAuthorization(AppPolicies.EditApi);
        api.MapPatch("/articles/{id:int}", (int id, ArticlePatch body, ContentCorrector corrector, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(corrector.EditArticleAsync(id, new ArticleEdit(body.Title, body.PublishedOn, body.Byline, body.WireOrigin, body.Outlet), Name(user), ct)));
        api.MapDelete("/articles/{id:int}", (int id, ContentCorrector corrector, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(corrector.DeleteArticleAsync(id, Name(user), ct)));
        api.MapPatch("/entities/{id:int}", (int id, EntityPatch body, EntityCorrector corrector, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(body.NotAName == true ? corrector.NotANameAsync(id, body.Version, Name(user), ct) : corrector.EditAsync(id, body.Name, body.Type, body.Version, Name(user), ct)));
        api.MapPost("/entities/{id:int}/merge", (int id, MergeRequest body, EntityCorrector corrector, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(corrector.MergeAsync(id, body.Into, body.Version, Name(user), ct)));
        api.MapPost("/entities/{id:int}/split", (int id, SplitRequest body, EntityCorrector corrector, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(corrector.SplitAsync(id, body.Alias, body.Version, Name(user), ct)));
        api.MapPatch("/quotes/{id:int}", (int id, QuotePatch body, ContentCorrector corrector, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(body.NotAQuote == true ? corrector.QuoteAsync(id, CorrectionKind.QuoteNotAQuote, Name(user), ct)
                : body.Unmerge == true ? corrector.QuoteAsync(id, CorrectionKind.QuoteUnmerged, Name(user), ct)
                : corrector.SetSpeakerAsync(id, body.SpeakerEntityId, body.SpeakerDescription, Name(user), ct)));
        api.MapPatch("/outlets/{id:int}", (int id, OutletPatch body, ContentCorrector corrector, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(corrector.RenameOutletAsync(id, body.Name, Name(user), ct)));
        api.MapPost("/outlets/{id:int}/merge", (int id, MergeRequest body, ContentCorrector corrector, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(corrector.MergeOutletAsync(id, body.Into, Name(user), ct)));
        api.MapPost("/audit/{id:int}/undo", (int id, CorrectionService corrections, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(corrections.UndoAsync(id, Name(user), ct)));
        api.MapGet("/audit", ListAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> ListAsync(NewsCorpusDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (pageNumber, size, problem) = Paging.Read(page, pageSize);
        if (problem is not null)
        {
            return problem;
        }

        var total = await db.Corrections.CountAsync(cancellationToken);
        var items = await db.Corrections.AsNoTracking().OrderByDescending(c => c.Id).Skip((pageNumber - 1) * size).Take(size)
            .Select(c => new CorrectionItem(c.Id, c.Kind, c.Summary, c.CreatedBy, c.CreatedAt, c.UndoneBy, c.UndoneAt)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AuditPage(total, pageNumber, size, items));
    }

    private static async Task<Results<Ok<CorrectionItem>, ProblemHttpResult>> Answer(Task<CorrectionResult> work)
    {
        var result = await work;
        return result.Done is { } c
            ? TypedResults.Ok(new CorrectionItem(c.Id, c.Kind, c.Summary, c.CreatedBy, c.CreatedAt, c.UndoneBy, c.UndoneAt))
            : TypedResults.Problem(result.Problem, statusCode: result.Status);
    }

    private static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
