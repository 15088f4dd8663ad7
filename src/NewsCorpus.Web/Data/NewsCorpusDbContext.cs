using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace NewsCorpus.Web.Data;

/// <summary>The corpus database, with the accounts (ASP.NET Core Identity) in the same file or server. Not sealed only for <see cref="PostgresNewsCorpusDbContext"/>, which carries PostgreSQL's migrations.</summary>
public class NewsCorpusDbContext : IdentityDbContext<IdentityUser>
{
    public NewsCorpusDbContext(DbContextOptions<NewsCorpusDbContext> options)
        : base(options)
    {
    }

    protected NewsCorpusDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Outlet> Outlets => Set<Outlet>();

    public DbSet<OutletAlias> OutletAliases => Set<OutletAlias>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleParagraph> ArticleParagraphs => Set<ArticleParagraph>();

    public DbSet<RemovedBlock> RemovedBlocks => Set<RemovedBlock>();

    public DbSet<Entity> Entities => Set<Entity>();

    public DbSet<EntityAlias> EntityAliases => Set<EntityAlias>();

    public DbSet<EntityMention> EntityMentions => Set<EntityMention>();

    public DbSet<EntityKey> EntityKeys => Set<EntityKey>();

    public DbSet<EntityOutlet> EntityOutlets => Set<EntityOutlet>();

    public DbSet<Quote> Quotes => Set<Quote>();

    public DbSet<QuoteCluster> QuoteClusters => Set<QuoteCluster>();

    public DbSet<Story> Stories => Set<Story>();

    public DbSet<ArticleOverlap> ArticleOverlaps => Set<ArticleOverlap>();

    public DbSet<IngestionRun> IngestionRuns => Set<IngestionRun>();

    public DbSet<IngestionFailure> IngestionFailures => Set<IngestionFailure>();

    public DbSet<IngestionDuplicate> IngestionDuplicates => Set<IngestionDuplicate>();

    public DbSet<IngestionWarning> IngestionWarnings => Set<IngestionWarning>();

    public DbSet<SearchChange> SearchChanges => Set<SearchChange>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Correction> Corrections => Set<Correction>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsCorpusDbContext).Assembly);
    }
}
