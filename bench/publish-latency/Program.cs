// Publish-to-live latency: from the manager's Publish request (a signed-in POST, as the button sends it) to the new
// post's page being served by the site's `serve`, rebuilt by the signed webhook.
//   dotnet run -c Release --project bench/publish-latency -- --content <folder> --site-dll <Cadence.Site.dll> [--rounds 5]
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Cadence.Cms;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--")).ToDictionary(x => x.a[2..], x => args[x.i + 1]);
var content = Path.GetFullPath(options["content"]);
var siteDll = Path.GetFullPath(options["site-dll"]);
var rounds = int.Parse(options.GetValueOrDefault("rounds", "5"));
var debounce = TimeSpan.FromSeconds(2);

var work = Path.Combine(Path.GetTempPath(), "cadence-latency-" + Guid.NewGuid().ToString("N"));
var servePort = FreePort();
var secret = "latency-bench-secret-" + Guid.NewGuid().ToString("N");
var contentKey = "latency-bench-content-key-" + Guid.NewGuid().ToString("N");
const string adminEmail = "bench@clinic.test";
var adminPassword = "bench-" + Guid.NewGuid().ToString("N");
var builder = CmsApp.CreateBuilder([], new Dictionary<string, string?>
{
    ["Cadence:DataPath"] = Path.Combine(work, "data"),
    ["Cadence:ContentPath"] = content,
    ["Cadence:ContentKey"] = contentKey,
    ["Cadence:Admin:Email"] = adminEmail,
    ["Cadence:Admin:Password"] = adminPassword,
    ["Cadence:Webhooks:Endpoints:0:Url"] = $"http://127.0.0.1:{servePort}/_cadence/rebuild",
    ["Cadence:Webhooks:Endpoints:0:Secret"] = secret,
    ["Cadence:Webhooks:AllowPrivateTargets"] = "true",
    ["Cadence:Webhooks:Debounce"] = debounce.ToString(),
    ["Logging:LogLevel:Default"] = "Warning",
});
builder.WebHost.UseUrls("http://127.0.0.1:0");
var cms = CmsApp.Build(builder);
var importWatch = Stopwatch.StartNew();
await StartupTasks.PrepareAsync(cms.Services);
await cms.StartAsync();
var cmsUrl = cms.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
int posts;
await using (var scope = cms.Services.CreateAsyncScope()) posts = scope.ServiceProvider.GetRequiredService<CadenceDb>().Posts.Count();
Console.WriteLine($"CMS ready with {posts} posts in {importWatch.Elapsed.TotalSeconds:0.0} s");

var serve = Process.Start(new ProcessStartInfo("dotnet",
    [siteDll, "serve", "--api", cmsUrl, "--key", contentKey, "--out", Path.Combine(work, "site"), "--port", servePort.ToString(), "--webhook-secret", secret])
    { RedirectStandardOutput = true, RedirectStandardError = true })!;
serve.OutputDataReceived += (_, _) => { };
serve.BeginOutputReadLine();
serve.BeginErrorReadLine();
using var site = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{servePort}"), Timeout = TimeSpan.FromSeconds(5) };
var firstBuild = Stopwatch.StartNew();
while (!await Ok("/")) await Task.Delay(100);
Console.WriteLine($"serve's first build answered after {firstBuild.Elapsed.TotalSeconds:0.0} s");

// The owner, signed in to the manager: cookies kept, antiforgery tokens read from the pages the server sends.
using var manager = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    { BaseAddress = new Uri(cmsUrl) };
var signedIn = await PostFormAsync("/manager/account/sign-in", "/manager/account/sign-in", new() { ["Email"] = adminEmail, ["Password"] = adminPassword });
if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {signedIn.StatusCode}");

var latencies = new List<double>();
try
{
    for (var round = 1; round <= rounds; round++)
    {
        await Task.Delay(debounce + TimeSpan.FromMilliseconds(500)); // a quiet spell, as between two real publishes
        string slug;
        int id;
        var title = $"Latency round {round} {Guid.NewGuid():N}"[..30];
        await using (var scope = cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            var workflow = scope.ServiceProvider.GetRequiredService<PostWorkflow>();
            var post = new Post { Title = title, Slug = await workflow.FreeSlugAsync(title, null), Body = "Easy miles today.", Status = PostStatus.Draft };
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            (slug, id) = (post.Slug, post.Id);
        }
        var editor = $"/manager/posts/{id}";
        var token = await TokenAsync(editor);
        var watch = Stopwatch.StartNew();
        var published = await PostAsync($"{editor}?handler=Publish", token, new() { ["Title"] = title, ["Slug"] = slug, ["Body"] = "Easy miles today." });
        if (published.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Publish answered {published.StatusCode}");
        while (!await Ok($"/posts/{slug}/"))
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(120)) throw new TimeoutException($"/posts/{slug}/ never appeared");
            await Task.Delay(20);
        }
        latencies.Add(watch.Elapsed.TotalSeconds);
        Console.WriteLine($"  round {round}: {watch.Elapsed.TotalSeconds:0.00} s");
    }
    latencies.Sort();
    Console.WriteLine($"publish-to-live over {posts + rounds} posts: median {latencies[latencies.Count / 2]:0.00} s, min {latencies[0]:0.00} s, max {latencies[^1]:0.00} s ({rounds} rounds)");
}
finally
{
    serve.Kill(entireProcessTree: true);
    await serve.WaitForExitAsync();
    await cms.StopAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(work, recursive: true); } catch (IOException) { }
}

async Task<string> TokenAsync(string page)
{
    var html = await manager.GetStringAsync(page);
    return Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } token
        ? token : throw new InvalidOperationException($"No antiforgery token on {page}");
}

async Task<HttpResponseMessage> PostAsync(string url, string token, Dictionary<string, string> fields)
{
    fields["__RequestVerificationToken"] = token;
    return await manager.PostAsync(url, new FormUrlEncodedContent(fields));
}

async Task<HttpResponseMessage> PostFormAsync(string page, string url, Dictionary<string, string> fields) =>
    await PostAsync(url, await TokenAsync(page), fields);

async Task<bool> Ok(string path)
{
    try { return (await site.GetAsync(path)).StatusCode == HttpStatusCode.OK; }
    catch (HttpRequestException) { return false; }
    catch (TaskCanceledException) { return false; }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
