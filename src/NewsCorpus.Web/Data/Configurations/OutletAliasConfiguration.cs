using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class OutletAliasConfiguration : IEntityTypeConfiguration<OutletAlias>
{
    public void Configure(EntityTypeBuilder<OutletAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Key).HasMaxLength(200);
        builder.HasIndex(a => a.Key).IsUnique();
    }
}
