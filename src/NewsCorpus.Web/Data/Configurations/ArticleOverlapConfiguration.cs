using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class ArticleOverlapConfiguration : IEntityTypeConfiguration<ArticleOverlap>
{
    public void Configure(EntityTypeBuilder<ArticleOverlap> builder)
    {
        builder.HasKey(o => new { o.ArticleId, o.OtherArticleId });
        builder.Ignore(o => o.Share);
        builder.HasOne<Article>().WithMany().HasForeignKey(o => o.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.OtherArticle).WithMany().HasForeignKey(o => o.OtherArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.OtherArticleId);
    }
}
