using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadence.Cms.Media;

public sealed class MediaFileTable : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> media)
    {
        media.HasIndex(m => m.FileName).IsUnique();
        media.HasOne<MediaBlob>().WithOne().HasForeignKey<MediaBlob>(b => b.MediaFileId).OnDelete(DeleteBehavior.Cascade);
        media.Ignore(m => m.Url);
    }
}

public sealed class MediaBlobTable : IEntityTypeConfiguration<MediaBlob>
{
    public void Configure(EntityTypeBuilder<MediaBlob> blob) => blob.HasKey(b => b.MediaFileId);
}
