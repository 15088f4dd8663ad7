using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class EntityOutletConfiguration : IEntityTypeConfiguration<EntityOutlet>
{
    public void Configure(EntityTypeBuilder<EntityOutlet> builder)
    {
        builder.HasKey(o => new { o.EntityId, o.OutletId });
        builder.HasOne<Entity>().WithMany().HasForeignKey(o => o.EntityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Outlet>().WithMany().HasForeignKey(o => o.OutletId).OnDelete(DeleteBehavior.Cascade);
    }
}
