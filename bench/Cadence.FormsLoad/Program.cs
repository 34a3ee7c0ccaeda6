using Cadence.FormsLoad;
using Cadence.Testing;
using Microsoft.Data.Sqlite;

// Usage: dotnet run -c Release --project bench/Cadence.FormsLoad -- [--count 20000] [--clients 64] [--rate 1000]
// --rate sends that many submissions a second (open loop) instead of each client sending on as soon as it is answered.
// Starts the built CMS as its own process on 127.0.0.1 with a fresh SQLite file, posts the submissions,
// then checks that the database holds exactly as many as were acknowledged (201 or 303).
var count = Argument("--count", 20_000);
var clients = Argument("--clients", 64);
var rate = Argument("--rate", 0);

var environment = new Dictionary<string, string>
{
    ["Cadence__Forms__RateLimitPermits"] = int.MaxValue.ToString(),
    ["Cadence__Admin__Email"] = "owner@clinic.test",
    ["Cadence__Admin__Password"] = "correct-kettle-harbour-lamp",
    ["Logging__LogLevel__Default"] = "Warning",
};
await using var cms = await CmsProcess.StartAsync(environment);
Console.WriteLine($"CMS at {cms.BaseUrl}, data in {cms.DataPath}");

await FormsLoad.RunAsync(cms.BaseUrl, Math.Min(500, count), clients); // warm-up: JIT, connection pool, SQLite cache
var before = CountRows(cms.DataPath);
var result = await FormsLoad.RunAsync(cms.BaseUrl, count, clients, rate > 0 ? rate : null);
var stored = CountRows(cms.DataPath) - before;

Console.WriteLine($"Submissions:   {result.Sent} sent by {clients} clients{(rate > 0 ? $" at {rate}/s" : "")}, {result.Acknowledged} acknowledged (201/303), {result.Failed} failed");
Console.WriteLine($"Throughput:    {result.PerSecond:0} acknowledged submissions/s over {result.Elapsed.TotalSeconds:0.0} s");
Console.WriteLine($"Latency:       p50 {result.Percentile(50):0.0} ms, p99 {result.Percentile(99):0.0} ms, max {result.Percentile(100):0.0} ms");
Console.WriteLine($"Stored rows:   {stored} ({(stored == result.Acknowledged ? "equal to the acknowledged count" : "MISMATCH")})");
return stored == result.Acknowledged && result.Failed == 0 ? 0 : 1;

int Argument(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
}

static long CountRows(string dataPath)
{
    using var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "cadence.db")};Mode=ReadOnly");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT COUNT(*) FROM Submissions";
    return (long)command.ExecuteScalar()!;
}
