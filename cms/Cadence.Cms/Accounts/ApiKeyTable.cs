using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadence.Cms.Accounts;

public sealed class ApiKeyTable : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.HasIndex(k => k.Hash).IsUnique();
        key.Property(k => k.Kind).HasConversion<string>().HasMaxLength(16);
    }
}
