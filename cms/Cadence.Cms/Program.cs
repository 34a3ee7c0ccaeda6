using Cadence.Cms;
using Cadence.Cms.Hosting;
using Microsoft.Extensions.Options;

if (CliVerbs.Handles(args)) return await CliVerbs.RunAsync(args);

var app = CmsApp.Build(CmsApp.CreateBuilder(args));
try
{
    var report = await StartupTasks.PrepareAsync(app.Services);
    app.Lifetime.ApplicationStarted.Register(() => StartupTasks.PrintWelcome(Console.Out, app.Urls, report));
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    // A setting to fix, not a fault: one line that names it, no stack trace.
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
