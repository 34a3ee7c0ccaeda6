namespace Cadence.Site.Cli;

/// <summary>A verb and its <c>--name value</c> options; every option takes exactly one value, except the flags.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    /// <summary>Options that take no value.</summary>
    public static readonly IReadOnlySet<string> Flags = new HashSet<string> { "timings" };

    private CommandLine(string verb) => Verb = verb;

    public bool Has(string flag) => _options.ContainsKey(flag);

    public string Verb { get; }

    public static CommandLine Parse(string[] args, IReadOnlySet<string> known)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) throw new UsageException("Give a verb: build or serve.");
        var line = new CommandLine(args[0]);
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"Unexpected argument '{arg}'.");
            var name = arg[2..];
            string value;
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (Flags.Contains(name))
            {
                value = "true";
            }
            else
            {
                if (i + 1 >= args.Length) throw new UsageException($"--{name} needs a value.");
                value = args[++i];
            }
            if (!known.Contains(name)) throw new UsageException($"Unknown option --{name}.");
            line._options[name] = value;
        }
        return line;
    }

    public string? Get(string name, string? environmentVariable = null) =>
        _options.TryGetValue(name, out var value) ? value
        : environmentVariable is null ? null
        : Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } env ? env : null;

    public string Require(string name) => Get(name) ?? throw new UsageException($"--{name} is required.");
}

/// <summary>The command line is wrong; the message says how.</summary>
public sealed class UsageException(string message) : Exception(message);
