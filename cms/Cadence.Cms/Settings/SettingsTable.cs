using Cadence.Cms.Data;
using Cadence.Contract;
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
        settings.Property(s => s.ThemeColour).HasMaxLength(7);
        settings.Property(s => s.Clinic).HasConversion(JsonColumn.Converter(ClinicDetails.Empty)).Metadata.SetValueComparer(JsonColumn.Comparer(ClinicDetails.Empty));
        settings.Property(s => s.Social).HasConversion(JsonColumn.Converter<List<SiteLink>>()).Metadata.SetValueComparer(JsonColumn.Comparer<List<SiteLink>>());
    }
}
