using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(1000);
        builder.Property(a => a.Byline).HasMaxLength(300);
        builder.Property(a => a.WireOrigin).HasMaxLength(200);
        builder.Property(a => a.OutletEvidence).HasMaxLength(500);
        builder.Property(a => a.Url).HasMaxLength(2000);
        builder.Property(a => a.Language).HasMaxLength(20);
        builder.Property(a => a.SourcePath).HasMaxLength(2000);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.Property(a => a.MetadataHash).HasMaxLength(64);
        builder.Property(a => a.Encoding).HasMaxLength(40);
        builder.Property(a => a.Warnings).HasMaxLength(2000);
        builder.Property(a => a.CorpusProblem).HasMaxLength(1000);

        builder.HasIndex(a => a.SourcePath).IsUnique();
        builder.HasIndex(a => a.ContentHash);
        builder.HasIndex(a => a.PublishedOn);
        builder.HasIndex(a => a.Title);
        builder.HasIndex(a => a.StoryId);
        builder.HasIndex(a => a.Resolved);
        builder.HasIndex(a => a.QuotesClustered);

        builder.HasOne(a => a.Outlet).WithMany(o => o.Articles).HasForeignKey(a => a.OutletId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Paragraphs).WithOne().HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.RemovedBlocks).WithOne().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
