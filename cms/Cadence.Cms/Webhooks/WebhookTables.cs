using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cadence.Cms.Webhooks;

public sealed class WebhookEndpointTable : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> endpoint)
    {
        endpoint.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        endpoint.Property(e => e.Events).HasConversion(StringListColumn.Converter()).Metadata.SetValueComparer(StringListColumn.Comparer());
    }
}

public sealed class WebhookDeliveryTable : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.HasIndex(d => new { d.Status, d.DueAt });
        delivery.HasIndex(d => d.EndpointKey);
        delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        delivery.Property(d => d.Events).HasConversion(StringListColumn.Converter()).Metadata.SetValueComparer(StringListColumn.Comparer());
        delivery.Property(d => d.Slugs).HasConversion(StringListColumn.Converter()).Metadata.SetValueComparer(StringListColumn.Comparer());
    }
}

/// <summary>Event names and slugs as one JSON array column, compared item by item.</summary>
internal static class StringListColumn
{
    public static ValueConverter<List<string>, string> Converter() =>
        new(list => JsonSerializer.Serialize(list, (JsonSerializerOptions?)null), text => JsonSerializer.Deserialize<List<string>>(text, (JsonSerializerOptions?)null) ?? new List<string>());

    public static ValueComparer<List<string>> Comparer() =>
        new((a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (hash, s) => HashCode.Combine(hash, s.GetHashCode())), list => list.ToList());
}
