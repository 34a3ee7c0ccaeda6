using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using Cadence.Site.Render;
using Cadence.Testing;

namespace Cadence.Site.Tests;

/// <summary>The build's <c>_headers</c> file: one rule for every path, a policy that names what the built pages use.</summary>
public class SecurityHeadersTests
{
    private const string Cms = "https://cms.stride.example:8443";
    private string _out = "";

    [OneTimeSetUp]
    public async Task Build()
    {
        _out = Path.Combine(Directory.CreateTempSubdirectory("cadence-headers-").FullName, "site");
        await SiteBuild.RunAsync(new BuildOptions(_out, From: RepoPaths.Content, CmsUrl: Cms + "/"), new BuildProgress(false));
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(Path.GetDirectoryName(_out)!, recursive: true);

    [Test]
    public void The_policy_allows_the_pages_inline_style_by_its_hash_and_forms_to_the_cms_origin()
    {
        var lines = File.ReadAllLines(Path.Combine(_out, "_headers"));
        Assert.That(lines[0], Is.EqualTo("/*"));
        var headers = lines.Skip(1).Select(l => l.Trim().Split(": ", 2)).ToDictionary(h => h[0], h => h[1]);
        Assert.That(headers["X-Content-Type-Options"], Is.EqualTo("nosniff"));
        Assert.That(headers["X-Frame-Options"], Is.EqualTo("DENY"));
        Assert.That(headers["Referrer-Policy"], Is.EqualTo("strict-origin-when-cross-origin"));

        var policy = headers["Content-Security-Policy"].Split("; ").Select(d => d.Split(' ')).ToDictionary(d => d[0], d => d.Skip(1).ToArray());
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_out, "posts", "knee-pain-when-running", "index.html")));
        var inline = page.QuerySelectorAll("style").Select(s => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(s.TextContent)))}'").ToList();
        Assert.That(inline, Is.Not.Empty);
        Assert.That(policy["style-src"], Is.SupersetOf(inline), "every inline style of the page, by hash");
        Assert.That(page.QuerySelectorAll("script:not([type='application/ld+json'])").Select(s => s.GetAttribute("src")), Has.All.StartWith("/assets/"),
            "no inline script for the policy to allow");
        Assert.That(page.QuerySelector("form.cadence-form")!.GetAttribute("action"), Does.StartWith(Cms + "/forms/"));
        Assert.That(policy["form-action"], Does.Contain(Cms));
        Assert.That(policy["connect-src"], Is.EqualTo(new[] { "'self'", Cms }));
        Assert.That(policy["frame-ancestors"], Is.EqualTo(new[] { "'none'" }));
        Assert.That(policy["script-src"], Is.EqualTo(new[] { "'self'" }));
    }

    [Test]
    public void The_inline_style_hash_follows_the_brand_colour() =>
        Assert.That(BrandStyle.CspHash("#0a7d5a"), Is.Not.EqualTo(BrandStyle.CspHash("#7d0a3c")));
}
