using System.Data.Common;
using Cadence.FormsLoad;
using Cadence.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

// Usage: dotnet run -c Release --project bench/Cadence.FormsLoad -- [--count 20000] [--clients 64] [--rate 1000]
//          [--url http://127.0.0.1:5080 (--sqlite path/cadence.db | --postgres "Host=...")]
// --rate sends that many submissions a second (open loop) instead of each client sending on as soon as it is answered.
// Without --url it starts the built CMS as its own process on 127.0.0.1 with a fresh SQLite file; with --url it posts
// to a CMS already running there (or to a proxy in front of several), whose database --sqlite or --postgres names.
// Either way it then checks that the database holds exactly as many new submissions as were acknowledged (201 or 303).
var count = Argument("--count", 20_000);
var clients = Argument("--clients", 64);
var rate = Argument("--rate", 0);
var url = Text("--url");

await using var cms = url is null ? await StartCmsAsync() : null;
var baseUrl = url ?? cms!.BaseUrl;
Func<DbConnection> database = cms is not null ? () => Sqlite(Path.Combine(cms.DataPath, "cadence.db"))
    : Text("--sqlite") is { } file ? () => Sqlite(file)
    : Text("--postgres") is { } connection ? () => new NpgsqlConnection(connection)
    : throw new ArgumentException("--url needs the CMS's database: --sqlite <file> or --postgres <connection string>.");

await FormsLoad.RunAsync(baseUrl, Math.Min(500, count), clients); // warm-up: JIT, connection pool, database cache
var before = await CountRowsAsync(database);
var result = await FormsLoad.RunAsync(baseUrl, count, clients, rate > 0 ? rate : null);
var stored = await CountRowsAsync(database) - before;

Console.WriteLine($"Submissions:   {result.Sent} sent by {clients} clients{(rate > 0 ? $" at {rate}/s" : "")}, {result.Acknowledged} acknowledged (201/303), {result.Failed} failed");
Console.WriteLine($"Throughput:    {result.PerSecond:0} acknowledged submissions/s over {result.Elapsed.TotalSeconds:0.0} s");
Console.WriteLine($"Latency:       p50 {result.Percentile(50):0.0} ms, p99 {result.Percentile(99):0.0} ms, max {result.Percentile(100):0.0} ms");
Console.WriteLine($"p99 by 10 s:   {string.Join(", ", result.PercentileBy(TimeSpan.FromSeconds(10), 99).Select(p => $"{p:0.0}"))} ms");
Console.WriteLine($"Stored rows:   {stored} ({(stored == result.Acknowledged ? "equal to the acknowledged count" : "MISMATCH")})");
return stored == result.Acknowledged && result.Failed == 0 ? 0 : 1;

async Task<CmsProcess> StartCmsAsync()
{
    var process = await CmsProcess.StartAsync(new Dictionary<string, string>
    {
        ["Cadence__Forms__RateLimitPermits"] = int.MaxValue.ToString(),
        ["Cadence__Admin__Email"] = "owner@clinic.test",
        ["Cadence__Admin__Password"] = "correct-kettle-harbour-lamp",
        ["Logging__LogLevel__Default"] = "Warning",
    });
    Console.WriteLine($"CMS at {process.BaseUrl}, data in {process.DataPath}");
    return process;
}

int Argument(string name, int fallback) => int.TryParse(Text(name), out var value) ? value : fallback;

string? Text(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static DbConnection Sqlite(string file) => new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");

static async Task<long> CountRowsAsync(Func<DbConnection> open)
{
    await using var connection = open();
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT COUNT(*) FROM \"Submissions\"";
    return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
}
