using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class OutletConfiguration : IEntityTypeConfiguration<Outlet>
{
    public void Configure(EntityTypeBuilder<Outlet> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.NormalizedName).HasMaxLength(200);
        builder.HasIndex(o => o.NormalizedName).IsUnique();
        builder.HasMany(o => o.Aliases).WithOne().HasForeignKey(a => a.OutletId).OnDelete(DeleteBehavior.Cascade);
    }
}
