using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class EntityAliasConfiguration : IEntityTypeConfiguration<EntityAlias>
{
    public void Configure(EntityTypeBuilder<EntityAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.NormalizedName).HasMaxLength(300);
        builder.HasIndex(a => a.NormalizedName);
        builder.HasIndex(a => new { a.EntityId, a.Name }).IsUnique();
    }
}
