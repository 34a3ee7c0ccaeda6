using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadence.Cms.Settings;

public sealed class SiteSettingsTable : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> settings)
    {
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.Language).HasMaxLength(35);
        settings.Property(s => s.Version).IsConcurrencyToken();
        settings.Property(s => s.Navigation).HasConversion(JsonColumn.Converter<List<SiteLink>>()).Metadata.SetValueComparer(JsonColumn.Comparer<List<SiteLink>>());
        settings.Property(s => s.Social).HasConversion(JsonColumn.Converter<List<SiteLink>>()).Metadata.SetValueComparer(JsonColumn.Comparer<List<SiteLink>>());
    }
}
