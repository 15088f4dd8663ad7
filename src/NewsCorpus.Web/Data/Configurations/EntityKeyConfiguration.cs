using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class EntityKeyConfiguration : IEntityTypeConfiguration<EntityKey>
{
    public void Configure(EntityTypeBuilder<EntityKey> builder)
    {
        builder.Property(k => k.Key).HasMaxLength(400);
        builder.HasIndex(k => new { k.Key, k.EntityId }).IsUnique();
        builder.HasIndex(k => k.EntityId);
        builder.HasOne<Entity>().WithMany().HasForeignKey(k => k.EntityId).OnDelete(DeleteBehavior.Cascade);
    }
}
