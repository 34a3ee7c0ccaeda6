using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cadence.Cms.Data;

/// <summary>
/// A list kept as one JSON text column (form fields, submitted answers, site links): read and written whole, never
/// queried inside. The comparer compares by JSON so a change inside the list is noticed and saved.
/// </summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The column's text for a value, for a writer that inserts rows without EF Core.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static ValueConverter<T, string> Converter<T>() where T : new() =>
        new(value => Serialize(value), text => JsonSerializer.Deserialize<T>(text, Options) ?? new T());

    /// <summary>For a record without a parameterless constructor: <paramref name="empty"/> stands for an empty column.</summary>
    public static ValueConverter<T, string> Converter<T>(T empty) =>
        new(value => JsonSerializer.Serialize(value, Options), text => JsonSerializer.Deserialize<T>(text, Options) ?? empty);

    public static ValueComparer<T> Comparer<T>(T empty) => new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        value => JsonSerializer.Serialize(value, Options).GetHashCode(),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options) ?? empty);

    public static ValueComparer<T> Comparer<T>() where T : new() => new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        value => JsonSerializer.Serialize(value, Options).GetHashCode(),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options) ?? new T());
}
