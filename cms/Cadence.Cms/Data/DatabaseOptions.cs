using System.ComponentModel.DataAnnotations;

namespace Cadence.Cms.Data;

public enum DatabaseProvider
{
    /// <summary>One file in the data folder: the default, needs no server.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by any number of CMS instances.</summary>
    PostgreSQL,
}

/// <summary>
/// The <c>Cadence:Database</c> section (<c>Cadence__Database__Provider</c>) together with the connection string
/// <c>ConnectionStrings:Cadence</c>, which PostgreSQL needs and SQLite defaults to the data folder's file.
/// </summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Cadence:Database";

    /// <summary>Text rather than the enum, so a mistyped value is refused by name instead of by a binder exception.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Filled from <c>ConnectionStrings:Cadence</c>, not from the section.</summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ParseProvider(Provider) is not { } provider)
            yield return new ValidationResult($"{Section}:Provider '{Provider}' is not a database provider: use Sqlite or PostgreSQL.");
        else if (provider == DatabaseProvider.PostgreSQL && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult($"{Section}:Provider is PostgreSQL, so ConnectionStrings:{DatabaseSetup.ConnectionName} is required (for example Host=db;Database=cadence;Username=cadence;Password=…).");
    }

    /// <summary>
    /// The provider as configuration names it, read before options can be resolved because it decides which context
    /// type is registered. An unknown name counts as SQLite here; validation at start refuses it anyway.
    /// </summary>
    public static DatabaseProvider ProviderOf(IConfiguration configuration) =>
        ParseProvider(configuration[$"{Section}:Provider"]) ?? DatabaseProvider.Sqlite;

    private static DatabaseProvider? ParseProvider(string? value) =>
        string.IsNullOrWhiteSpace(value) ? DatabaseProvider.Sqlite
        : Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider) ? provider
        : null;
}
