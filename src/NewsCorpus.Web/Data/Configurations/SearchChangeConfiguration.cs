using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class SearchChangeConfiguration : IEntityTypeConfiguration<SearchChange>
{
    public void Configure(EntityTypeBuilder<SearchChange> builder)
    {
        // No foreign key: a deleted article's row must outlive the article.
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.HasIndex(c => c.CreatedAt);
    }
}
