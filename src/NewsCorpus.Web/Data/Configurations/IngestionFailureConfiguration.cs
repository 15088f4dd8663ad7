using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class IngestionFailureConfiguration : IEntityTypeConfiguration<IngestionFailure>
{
    public void Configure(EntityTypeBuilder<IngestionFailure> builder)
    {
        builder.Property(f => f.Path).HasMaxLength(2000);
        builder.Property(f => f.Reason).HasMaxLength(1000);
    }
}
