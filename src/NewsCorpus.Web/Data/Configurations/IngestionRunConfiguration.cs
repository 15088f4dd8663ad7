using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class IngestionRunConfiguration : IEntityTypeConfiguration<IngestionRun>
{
    public void Configure(EntityTypeBuilder<IngestionRun> builder)
    {
        builder.Property(r => r.Trigger).HasMaxLength(40);
        builder.Property(r => r.Sources).HasMaxLength(4000);
        builder.HasIndex(r => r.StartedAt);
        builder.HasMany(r => r.Failures).WithOne().HasForeignKey(f => f.IngestionRunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Duplicates).WithOne().HasForeignKey(d => d.IngestionRunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Warnings).WithOne().HasForeignKey(w => w.IngestionRunId).OnDelete(DeleteBehavior.Cascade);
    }
}
