using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Cadence.Cms.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Delivery;

/// <summary>Responsive variants: made in the background after an upload, then in the API and served for good.</summary>
public class ImageVariantTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public async Task An_uploaded_image_gets_variants_in_the_api_after_the_background_pass()
    {
        // Fresh noise: bytes no earlier run has cached, so this really encodes.
        var bytes = SampleImages.Jpeg(1300, 650);
        var timer = Stopwatch.StartNew();
        await using (var scope = _cms.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MediaLibrary>().AddAsync("Hamstring stretch.jpg", bytes, isPublic: true, alt: "A stretch");
        Assert.That(timer.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "the upload does not wait for encoding");

        var image = await WaitForVariantsAsync("/media/hamstring-stretch.jpg");
        var variants = image.GetProperty("variants").EnumerateArray()
            .Select(v => (Type: v.GetProperty("type").GetString(), Width: v.GetProperty("width").GetInt32(), Height: v.GetProperty("height").GetInt32(), Url: v.GetProperty("url").GetString()!))
            .ToList();
        Assert.That(variants.Select(v => (v.Type, v.Width, v.Height)), Is.EqualTo(new[]
        {
            ("image/avif", 480, 240), ("image/webp", 480, 240), ("image/jpeg", 480, 240),
            ("image/avif", 800, 400), ("image/webp", 800, 400), ("image/jpeg", 800, 400),
            ("image/avif", 1200, 600), ("image/webp", 1200, 600), ("image/jpeg", 1200, 600),
            ("image/avif", 1300, 650), ("image/webp", 1300, 650), ("image/jpeg", 1300, 650),
        }));
        Assert.That(variants.Select(v => v.Url), Has.All.Match(@"^/media/variants/[0-9a-f]{16}-\d+\.(avif|webp|jpg)$"));

        using var anonymous = _cms.Client();
        using var response = await anonymous.GetAsync(variants[0].Url.TrimStart('/'));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/avif"));
            Assert.That(response.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=31536000, immutable"));
            Assert.That(response.Headers.ETag, Is.Not.Null);
        });
        using var again = new HttpRequestMessage(HttpMethod.Get, variants[0].Url.TrimStart('/'));
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await anonymous.SendAsync(again);
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task A_post_cover_lists_its_variants_once_made()
    {
        await WaitForVariantsAsync("/media/knee-pain-when-running.png");
        using var post = JsonDocument.Parse(await _cms.Client(_cms.ContentKey).GetStringAsync("api/v1/posts/knee-pain-when-running"));
        var variants = post.RootElement.GetProperty("image").GetProperty("variants");
        Assert.That(variants.GetArrayLength(), Is.GreaterThan(0));
        Assert.That(variants[0].GetProperty("url").GetString(), Does.StartWith("/media/variants/"));
    }

    [Test]
    public async Task An_unknown_variant_is_a_404_problem()
    {
        using var response = await _cms.Client().GetAsync("media/variants/0000000000000000-480.avif");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    private async Task<JsonElement> WaitForVariantsAsync(string url)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var list = JsonDocument.Parse(await _cms.Client(_cms.ContentKey).GetStringAsync("api/v1/images"));
            var image = list.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("url").GetString() == url);
            if (image.GetProperty("variants").GetArrayLength() > 0) return image.Clone();
            if (deadline.Elapsed > TimeSpan.FromSeconds(90)) Assert.Fail($"{url} got no variants in 90 s");
            await Task.Delay(200);
        }
    }
}
