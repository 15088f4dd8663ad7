using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class EntityConfiguration : IEntityTypeConfiguration<Entity>
{
    public void Configure(EntityTypeBuilder<Entity> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(300);
        builder.Property(e => e.Type).HasConversion(EntityTypeText.Converter).HasMaxLength(20);
        builder.Property(e => e.Roles).HasMaxLength(1000);
        builder.HasIndex(e => new { e.Type, e.Name });
        builder.HasIndex(e => e.MentionCount);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasMany(e => e.Aliases).WithOne().HasForeignKey(a => a.EntityId).OnDelete(DeleteBehavior.Cascade);
    }
}
