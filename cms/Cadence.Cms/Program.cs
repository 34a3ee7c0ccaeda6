using Cadence.Cms;
using Cadence.Cms.Hosting;

if (CliVerbs.Handles(args)) return await CliVerbs.RunAsync(args);

var app = CmsApp.Build(CmsApp.CreateBuilder(args));
var report = await StartupTasks.PrepareAsync(app.Services);
app.Lifetime.ApplicationStarted.Register(() => StartupTasks.PrintWelcome(Console.Out, app.Urls, report));
await app.RunAsync();
return 0;
