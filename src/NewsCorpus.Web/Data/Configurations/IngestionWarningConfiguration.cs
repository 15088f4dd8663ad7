using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class IngestionWarningConfiguration : IEntityTypeConfiguration<IngestionWarning>
{
    public void Configure(EntityTypeBuilder<IngestionWarning> builder)
    {
        builder.Property(w => w.Path).HasMaxLength(2000);
        builder.Property(w => w.Message).HasMaxLength(1000);
        builder.HasIndex(w => w.IngestionRunId);
    }
}
