using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadence.Cms.Media;

/// <summary>
/// One responsive copy of a public image (a width in AVIF, WebP or the fallback format), made in the background by
/// <see cref="ImageVariantMaker"/> and served at <c>/media/variants/{FileName}</c>. The name comes from the source
/// bytes' hash and the width, so it never changes meaning and is cached for good.
/// </summary>
public sealed class MediaVariant
{
    public const string UrlPrefix = "/media/variants/";

    public int Id { get; set; }
    public int MediaFileId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>Where the bytes are in the <see cref="Store.IMediaStore"/>.</summary>
    public required string StoreKey { get; set; }

    public string Url => UrlPrefix + FileName;
}

public sealed class MediaVariantTable : IEntityTypeConfiguration<MediaVariant>
{
    public void Configure(EntityTypeBuilder<MediaVariant> variant)
    {
        variant.ToTable("MediaVariants");
        // Two images with the same bytes share names: the name is unique per image, not across the table.
        variant.HasIndex(v => new { v.MediaFileId, v.FileName }).IsUnique();
        variant.HasIndex(v => v.FileName);
        variant.HasOne<MediaFile>().WithMany().HasForeignKey(v => v.MediaFileId).OnDelete(DeleteBehavior.Cascade);
        variant.Ignore(v => v.Url);
    }
}
