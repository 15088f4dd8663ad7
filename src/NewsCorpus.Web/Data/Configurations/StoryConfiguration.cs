using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCorpus.Web.Data.Configurations;

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(1000);
        builder.HasIndex(s => s.LastPublishedOn);
        builder.HasMany(s => s.Articles).WithOne(a => a.Story).HasForeignKey(a => a.StoryId).OnDelete(DeleteBehavior.SetNull);
    }
}
