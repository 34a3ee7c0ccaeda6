using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Cadence.EndToEnd.Tests.OwnerPath;

/// <summary>
/// The CMS and the site's <c>serve</c> wired together the way <c>./build.sh --target=run</c> wires them (build.cake):
/// a fresh, empty data folder and no <c>Cadence__Admin__*</c> settings, so the CMS prints a one-time setup address;
/// the CMS's webhook pointed at serve's rebuild endpoint; the manager's Preview going through serve. The starter
/// content is copied with the site's address set to where serve listens, as the run target's <c>site.yml</c> does for
/// its fixed port. Disposing stops both processes and removes their folders.
/// </summary>
public sealed partial class RunTargetRig : IAsyncDisposable
{
    private readonly string _folder;

    private RunTargetRig(string folder, CmsProcess cms, SiteCommand site, string siteUrl, string setupUrl)
    {
        _folder = folder;
        Cms = cms;
        Site = site;
        SiteUrl = siteUrl;
        SetupUrl = setupUrl;
    }

    public CmsProcess Cms { get; }
    public SiteCommand Site { get; }
    public string SiteUrl { get; }

    /// <summary>The address the CMS printed for making the owner's account.</summary>
    public string SetupUrl { get; }

    public static async Task<RunTargetRig> StartAsync()
    {
        var folder = RepoPaths.NewTempFolder("owner-path");
        var (cmsPort, sitePort) = (CmsProcess.FreePort(), CmsProcess.FreePort());
        var (cmsUrl, siteUrl) = ($"http://127.0.0.1:{cmsPort}", $"http://127.0.0.1:{sitePort}");
        var content = CopyContent(Path.Combine(folder, "content"), siteUrl);
        var (contentKey, previewKey, secret, previewSecret) = (Secret(), Secret(), Secret(), Secret());

        CmsProcess? cms = null;
        try
        {
            cms = await CmsProcess.StartAsync(new Dictionary<string, string>
            {
                ["Cadence__ContentPath"] = content,
                ["Cadence__ContentKey"] = contentKey,
                ["Cadence__PreviewKey"] = previewKey,
                ["Cadence__PublicUrl"] = cmsUrl,
                ["Cadence__Webhooks__AllowPrivateTargets"] = "true",
                ["Cadence__Webhooks__Endpoints__0__Url"] = $"{siteUrl}/_cadence/rebuild",
                ["Cadence__Webhooks__Endpoints__0__Secret"] = secret,
                ["Cadence__Webhooks__Debounce"] = "00:00:02",
                ["Cadence__Webhooks__RetryBaseDelay"] = "00:00:02",
                ["Cadence__Site__PreviewUrl"] = siteUrl,
                ["Cadence__Site__PreviewSecret"] = previewSecret,
            }, Path.Combine(folder, "data"), cmsPort);
            var setupUrl = await SetupAddressAsync(cms);
            var (site, _) = await SiteCommand.ServeOnAsync(sitePort, null,
                "--api", cmsUrl, "--key", contentKey, "--preview-key", previewKey, "--preview-secret", previewSecret, "--out", Path.Combine(folder, "site"), "--webhook-secret", secret);
            return new RunTargetRig(folder, cms, site, siteUrl, setupUrl);
        }
        catch
        {
            if (cms is not null) await cms.DisposeAsync();
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>The setup line is printed as the server starts listening: read it from the CMS's output.</summary>
    private static async Task<string> SetupAddressAsync(CmsProcess cms)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var match = SetupLine().Match(cms.Output);
            if (match.Success) return match.Groups["url"].Value;
            await Task.Delay(100);
        }
        throw new TimeoutException("Step 'read the setup address': the CMS printed no setup address:\n" + cms.Output);
    }

    private static string CopyContent(string to, string siteUrl)
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Content, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(RepoPaths.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var site = Path.Combine(to, "site.yml");
        File.WriteAllText(site, Regex.Replace(File.ReadAllText(site), "(?m)^base_url: .*$", "base_url: " + siteUrl));
        return to;
    }

    private static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    [GeneratedRegex(@"Set up the owner's account[^:]*: (?<url>http://\S+/manager/setup/\S+)")]
    private static partial Regex SetupLine();

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        await Cms.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
