using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.Property(q => q.Verb).HasMaxLength(60);
        builder.Property(q => q.SpeakerText).HasMaxLength(300);
        builder.Property(q => q.SpeakerDescription).HasMaxLength(300);
        builder.HasIndex(q => new { q.ArticleId, q.Start });
        // Quotes by speaker in article order (the quotes API) come straight from this index.
        builder.HasIndex(q => new { q.SpeakerEntityId, q.ArticleId, q.Start });
        builder.HasIndex(q => q.QuoteClusterId);
        // A fingerprint's statements (cluster and speaker) from the index alone.
        builder.HasIndex(q => new { q.Fingerprint, q.QuoteClusterId, q.SpeakerEntityId });
        // A speaker's statements (the quotes page groups their quotes by cluster) from the index alone.
        builder.HasIndex(q => new { q.SpeakerEntityId, q.QuoteClusterId });
        builder.HasOne(q => q.Article).WithMany(a => a.Quotes).HasForeignKey(q => q.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(q => q.SpeakerEntity).WithMany().HasForeignKey(q => q.SpeakerEntityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(q => q.QuoteCluster).WithMany(c => c.Quotes).HasForeignKey(q => q.QuoteClusterId).OnDelete(DeleteBehavior.SetNull);
    }
}
