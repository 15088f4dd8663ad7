using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class IngestionDuplicateConfiguration : IEntityTypeConfiguration<IngestionDuplicate>
{
    public void Configure(EntityTypeBuilder<IngestionDuplicate> builder)
    {
        builder.Property(d => d.Path).HasMaxLength(2000);
        builder.HasOne<Article>().WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
