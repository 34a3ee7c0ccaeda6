using System.Net;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Cadence.Cms.Data;
using Cadence.Cms.Forms;
using Cadence.Cms.Media;
using Cadence.Cms.Tests.Manager;
using Cadence.Cms.UI;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Media;

/// <summary>
/// The CMS with its media in a real S3-compatible server (s3rver on loopback): what the manager uploads is in the
/// bucket byte for byte, served with its type and ETag, given variants there, kept private, and deleted with its item.
/// </summary>
public sealed class S3MediaStoreTests
{
    private S3rverProcess _s3 = null!;
    private CmsServer _cms = null!;
    private ManagerSession _admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _s3 = await S3rverProcess.StartAsync("clinic-media");
        _cms = await CmsServer.StartAsync(new Dictionary<string, string?>(TestMediaStore.S3(_s3)));
        _admin = await ManagerSession.SignedInAsync(_cms);
    }

    /// <summary>The official client, reading the bucket as an operator would: what is stored, not what the CMS says.</summary>
    private AmazonS3Client Bucket() => new(new BasicAWSCredentials(S3rverProcess.AccessKey, S3rverProcess.SecretKey),
        new AmazonS3Config { ServiceURL = _s3.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    [OneTimeTearDown]
    public async Task Stop()
    {
        // Whatever part of the set-up failed, the s3rver process goes.
        try
        {
            _admin?.Dispose();
            if (_cms is not null) await _cms.DisposeAsync();
        }
        finally
        {
            _s3?.Dispose();
        }
    }

    [Test]
    public async Task An_upload_through_the_manager_is_in_the_bucket_byte_for_byte_and_served_with_its_type_and_etag()
    {
        var bytes = SampleImages.Png(640, 400);
        var media = await UploadAsync("Hip Flexor Stretch.png", bytes);

        Assert.That(media.StoreKey, Does.StartWith("originals/").And.EndWith("-hip-flexor-stretch.png"));
        Assert.That(await ObjectAsync(media.StoreKey!), Is.EqualTo(bytes), "the bucket holds exactly the uploaded bytes");

        using var anonymous = _cms.Client();
        using var served = await anonymous.GetAsync("media/hip-flexor-stretch.png");
        Assert.Multiple(async () =>
        {
            Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(served.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
            Assert.That(served.Headers.ETag?.Tag, Is.EqualTo($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\""));
            Assert.That(await served.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
        });
        using var again = new HttpRequestMessage(HttpMethod.Get, "media/hip-flexor-stretch.png");
        again.Headers.IfNoneMatch.Add(served.Headers.ETag!);
        using var notModified = await anonymous.SendAsync(again);
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task Variants_are_made_into_the_bucket_and_served_from_it()
    {
        var media = await UploadAsync("Calf raise.jpg", SampleImages.Jpeg(900, 600));
        await _cms.ImageVariantsMadeAsync();

        var variants = await WithDbAsync(db => db.Set<MediaVariant>().AsNoTracking().Where(v => v.MediaFileId == media.Id).ToListAsync());
        Assert.That(variants, Has.Count.GreaterThan(0));
        Assert.That(variants.Select(v => v.StoreKey), Has.All.StartWith("variants/"));
        var first = variants[0];
        var stored = await ObjectAsync(first.StoreKey);
        using var served = await _cms.Client().GetAsync(first.Url.TrimStart('/'));
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(served.Content.Headers.ContentType?.MediaType, Is.EqualTo(first.ContentType));
        Assert.That(await served.Content.ReadAsByteArrayAsync(), Is.EqualTo(stored));
    }

    [Test]
    public async Task The_private_ebook_imported_at_first_run_is_in_the_bucket_and_readable_only_by_signed_link()
    {
        var expected = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Content, "assets", "knee-pain-ebook.pdf"));
        var ebook = await WithDbAsync(db => db.Media.AsNoTracking().SingleAsync(m => m.FileName == "knee-pain-ebook.pdf"));
        Assert.That(ebook.IsPublic, Is.False);
        Assert.That(await ObjectAsync(ebook.StoreKey!), Is.EqualTo(expected));

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var asMedia = await http.GetAsync($"{_cms.BaseUrl}/media/knee-pain-ebook.pdf");
        Assert.That(asMedia.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not public media");

        var tokens = _cms.Services.GetRequiredService<SignedTokens>();
        var link = tokens.Create(TokenPurposes.Download, "knee-pain-ebook.pdf", TimeSpan.FromDays(7));
        using var forged = await http.GetAsync($"{_cms.BaseUrl}/downloads/{link[..^2]}xx");
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a link not signed by the CMS");
        using var signed = await http.GetAsync($"{_cms.BaseUrl}/downloads/{link}");
        Assert.That(signed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(signed.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(await signed.Content.ReadAsByteArrayAsync(), Is.EqualTo(expected));
    }

    [Test]
    public async Task Deleting_a_media_item_removes_its_objects_from_the_bucket()
    {
        var media = await UploadAsync("Delete me.jpg", SampleImages.Jpeg(700, 500));
        await _cms.ImageVariantsMadeAsync();
        var keys = await WithDbAsync(db => db.Set<MediaVariant>().Where(v => v.MediaFileId == media.Id).Select(v => v.StoreKey).ToListAsync());
        Assert.That(keys, Is.Not.Empty);
        keys.Add(media.StoreKey!);

        using var deleted = await _admin.PostWithTokenAsync(ManagerRoutes.MediaFile(media.Id), ManagerRoutes.MediaFile(media.Id) + "?handler=Delete", []);
        Assert.That((int)deleted.StatusCode, Is.EqualTo(302), await deleted.Content.ReadAsStringAsync());

        Assert.That(await WithDbAsync(db => db.Media.AnyAsync(m => m.Id == media.Id)), Is.False);
        foreach (var key in keys) Assert.That(await ExistsAsync(key), Is.False, key);
        using var gone = await _cms.Client().GetAsync("media/delete-me.jpg");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<MediaFile> UploadAsync(string fileName, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        form.Add(file, "Upload", fileName);
        form.Add(new StringContent("A picture for the bucket"), "Alt");
        using var response = await _admin.PostMultipartAsync(ManagerRoutes.Media, ManagerRoutes.Media, form);
        Assert.That((int)response.StatusCode, Is.EqualTo(302), await response.Content.ReadAsStringAsync());
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        return await WithDbAsync(db => db.Media.AsNoTracking().SingleAsync(m => m.Id == id));
    }

    private async Task<byte[]> ObjectAsync(string key)
    {
        using var bucket = Bucket();
        using var response = await bucket.GetObjectAsync(_s3.Bucket, key);
        using var bytes = new MemoryStream();
        await response.ResponseStream.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    private async Task<bool> ExistsAsync(string key)
    {
        using var bucket = Bucket();
        try
        {
            await bucket.GetObjectMetadataAsync(_s3.Bucket, key);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private async Task<T> WithDbAsync<T>(Func<CadenceDb, Task<T>> query)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CadenceDb>());
    }
}
