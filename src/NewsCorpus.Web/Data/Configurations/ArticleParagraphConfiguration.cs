using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class ArticleParagraphConfiguration : IEntityTypeConfiguration<ArticleParagraph>
{
    public void Configure(EntityTypeBuilder<ArticleParagraph> builder) =>
        builder.HasIndex(p => new { p.ArticleId, p.Ordinal });
}
