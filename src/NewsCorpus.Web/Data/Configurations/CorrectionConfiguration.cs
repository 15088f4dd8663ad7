using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Subject).HasMaxLength(4000);
        builder.Property(c => c.Summary).HasMaxLength(1000);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.UndoneBy).HasMaxLength(256);
        builder.HasIndex(c => c.CreatedAt);
    }
}
