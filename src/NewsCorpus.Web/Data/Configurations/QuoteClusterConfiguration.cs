using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class QuoteClusterConfiguration : IEntityTypeConfiguration<QuoteCluster>
{
    public void Configure(EntityTypeBuilder<QuoteCluster> builder)
    {
        builder.HasIndex(c => c.QuoteCount);
        builder.HasIndex(c => c.SpeakerEntityId);
    }
}
