using Cadence.Markdown.Folder;
using Cadence.Site.Cli;
using Cadence.Site.Serve;
using Cadence.Site.Source;

// cadence-site build|serve: see docs/site.md.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
// A service manager or container stops serve with SIGTERM: finish as after Ctrl+C (exit 0), not cut off mid-write.
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    cancel.Cancel();
});

try
{
    var verb = args.Length > 0 ? args[0] : "";
    return verb switch
    {
        "build" => await BuildCommand.RunAsync(CommandLine.Parse(args, BuildCommand.Options), cancel.Token),
        "serve" => await ServeCommand.RunAsync(CommandLine.Parse(args, ServeCommand.Options), cancel.Token),
        _ => throw new UsageException("Usage: Cadence.Site build (--api <url> --key <key> | --from <folder>) --out <folder> [--base-url <url>]\n" +
                                      "       Cadence.Site serve (--api <url> --key <key> | --from <folder>) --out <folder> [--port 5080] [--watch <folder>] [--preview-key <key> --preview-secret <secret>] [--webhook-secret <secret>]"),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (Exception e) when (e is SourceException or ContentFormatException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Build failed: {OneLine(e.Message)}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}

static string OneLine(string text) => text.ReplaceLineEndings(" ");
