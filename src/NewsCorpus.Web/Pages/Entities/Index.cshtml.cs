using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Entities;
using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Web.Pages.Entities;

/// <summary>People, organisations and places, most mentioned first, with how many articles and outlets name them.</summary>
public sealed class IndexModel(NewsCorpusDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string Name, EntityType Type, int Mentions, int Articles, int Outlets, int AliasCount);

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public EntityType? SelectedType => EntityTypes.Parse(Type);

    public int Total { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The list as a download, with the filters the page shows.</summary>
    public Shared.Downloads Downloads => new("/api/entities", new Dictionary<string, string?> { ["type"] = Type, ["q"] = Q }, "these entities");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Entities.AsNoTracking();
        if (SelectedType is { } type)
        {
            query = query.Where(e => e.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = "%" + TextPatterns.Escape(Q.Trim().ToUpperInvariant()) + "%";
            query = query.Where(e => e.Aliases.Any(a => EF.Functions.Like(a.NormalizedName, pattern, "\\")));
        }

        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await query.OrderByDescending(e => e.MentionCount).ThenBy(e => e.Name)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(e => new Row(e.Id, e.Name, e.Type, e.MentionCount, e.ArticleCount, e.OutletCount, e.Aliases.Count))
            .ToListAsync(cancellationToken);
    }

    public string PageUrl(int page) => Url.Page("/Entities/Index", new { type = Type, q = Q, page })!;

    public static string TypeLabel(EntityType type) => EntityTypes.Label(type);
}
