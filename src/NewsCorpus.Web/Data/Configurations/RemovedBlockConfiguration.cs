using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class RemovedBlockConfiguration : IEntityTypeConfiguration<RemovedBlock>
{
    public void Configure(EntityTypeBuilder<RemovedBlock> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(200);
        builder.HasIndex(r => new { r.ArticleId, r.Ordinal });
    }
}
