namespace Cadence.Testing;

/// <summary>
/// What several CMS instances in one test share: the database and the files kept beside it (data-protection keys,
/// media). The one place that chooses them, so moving the multi-instance tests to another database or media store
/// changes this file only.
/// </summary>
public sealed class SharedBackend
{
    private SharedBackend(string folder, IReadOnlyDictionary<string, string?> database)
    {
        Folder = folder;
        Database = database;
    }

    /// <summary>The shared data folder: keys, media, and here the SQLite file (WAL lets several processes use it).</summary>
    public string Folder { get; }

    /// <summary>Configuration that points an instance at the shared database only; its other files stay its own.</summary>
    public IReadOnlyDictionary<string, string?> Database { get; }

    /// <summary>Configuration for an instance that shares everything: the database and the data folder.</summary>
    public IReadOnlyDictionary<string, string?> Everything =>
        new Dictionary<string, string?>(Database) { ["Cadence:DataPath"] = Folder };

    /// <summary><see cref="Everything"/> as environment variables, for <see cref="CmsProcess"/>.</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        Everything.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");

    /// <summary>A shared database on the provider the test run uses (<see cref="TestDatabase"/>), and a shared folder.</summary>
    public static async Task<SharedBackend> CreateAsync()
    {
        var folder = RepoPaths.NewTempFolder("shared");
        var database = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cadence"] = $"Data Source={Path.Combine(folder, "cadence.db")}",
        };
        foreach (var (key, value) in await TestDatabase.SettingsForAsync(folder)) database[key] = value;
        return new SharedBackend(folder, database);
    }
}
