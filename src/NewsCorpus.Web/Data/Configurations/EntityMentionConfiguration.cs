using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class EntityMentionConfiguration : IEntityTypeConfiguration<EntityMention>
{
    public void Configure(EntityTypeBuilder<EntityMention> builder)
    {
        builder.Property(m => m.Type).HasConversion(EntityTypeText.Converter).HasMaxLength(20);
        builder.Property(m => m.Text).HasMaxLength(300);
        builder.Property(m => m.Role).HasMaxLength(300);
        builder.Property(m => m.RefersTo).HasMaxLength(300);
        builder.HasIndex(m => new { m.ArticleId, m.Start });
        builder.HasIndex(m => m.EntityId);
        builder.HasOne<Article>().WithMany(a => a.Mentions).HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Entity).WithMany().HasForeignKey(m => m.EntityId).OnDelete(DeleteBehavior.SetNull);
    }
}
