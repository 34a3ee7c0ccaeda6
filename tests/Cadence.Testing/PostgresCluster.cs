using System.Diagnostics;
using Npgsql;

namespace Cadence.Testing;

/// <summary>
/// A real PostgreSQL server for the test run: initdb and pg_ctl from the PATH or /usr/lib/postgresql/*/bin (as the
/// <c>postgres</c> user when the tests run as root, since PostgreSQL refuses to run as root), a cluster in a private
/// temp folder, listening on a free 127.0.0.1 port only. Durability is switched off: a test database never needs to
/// survive a power cut. Started on first use, stopped and removed when the test process ends.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> Started = new(Start);
    private const string FolderPrefix = "cadence-postgres-";

    private readonly string bin;
    private readonly string folder;

    private PostgresCluster(int port, string bin, string folder)
    {
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        this.bin = bin;
        this.folder = folder;
    }

    public static PostgresCluster Shared => Started.Value;

    /// <summary>
    /// Stops the run's server, if one was started: called when the test assembly's tests are done, because the test
    /// host may be ended before its exit handler has stopped the server.
    /// </summary>
    public static void StopIfStarted()
    {
        if (Started.IsValueCreated) Stop(Started.Value.bin, Started.Value.folder);
    }

    public string AdminConnectionString { get; }

    /// <summary>A fresh, empty database, as an operator would create it for the CMS; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"cadence_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true, MaxPoolSize = 20 }.ConnectionString;
    }

    private static PostgresCluster Start()
    {
        var bin = FindBin() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no initdb on the PATH or under /usr/lib/postgresql): install it with `apt-get install -y postgresql`.");
        StopClustersOfEndedRuns(bin);
        var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (Environment.UserName == "root") Run("chown", "postgres", folder);
        var data = Path.Combine(folder, "data");
        var port = CmsProcess.FreePort();
        AsPostgres(Path.Combine(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
        AsPostgres(Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "log"), "-w", "start", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=1000");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(bin, folder);
        return new PostgresCluster(port, bin, folder);
    }

    /// <summary>
    /// A test host that is killed rather than ended never runs its exit handler, and its server would outlive it:
    /// the next run stops the servers of runs whose process is gone and removes their folders.
    /// </summary>
    private static void StopClustersOfEndedRuns(string bin)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var pid = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (int.TryParse(pid, out var id) && !Alive(id)) Stop(bin, folder);
        }
    }

    private static bool Alive(int pid)
    {
        try { using var process = Process.GetProcessById(pid); return !process.HasExited; }
        catch (ArgumentException) { return false; }
    }

    private static void Stop(string bin, string folder)
    {
        try
        {
            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid"))) AsPostgres(Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop");
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException) { }
    }

    private static string? FindBin()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")));
        if (onPath is not null) return onPath;
        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private static void AsPostgres(string tool, params string[] args)
    {
        if (Environment.UserName == "root") Run("runuser", ["-u", "postgres", "--", tool, .. args]);
        else Run(tool, args);
    }

    private static void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited with {process.ExitCode}: {error} {output.Result}");
    }
}
