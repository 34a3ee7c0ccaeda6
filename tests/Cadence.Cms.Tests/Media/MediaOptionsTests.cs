using Cadence.Cms.Hosting;
using Cadence.Cms.Media.Store;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Tests.Media;

/// <summary>Choosing the media store: a mistyped store or a missing S3 setting stops the start with one line naming it.</summary>
public sealed class MediaOptionsTests
{
    [Test]
    public void The_folder_store_needs_nothing_and_an_unknown_store_is_named()
    {
        Assert.That(ValidatedOptions.Check(MediaOptions.Section, new MediaOptions()).Succeeded, Is.True);
        Assert.That(ValidatedOptions.Check(MediaOptions.Section, new MediaOptions { Store = "Disk" }).FailureMessage,
            Is.EqualTo("Cadence:Media:Store 'Disk' is not a media store; use Folder or S3."));
    }

    [Test]
    public void The_s3_store_names_each_missing_setting()
    {
        var missing = ValidatedOptions.Check(MediaOptions.Section, new MediaOptions { Store = "S3", S3 = new() { AccessKey = "key" } });
        Assert.That(missing.Failures, Is.EqualTo(new[]
        {
            "Cadence:Media:S3:Bucket is required when Cadence:Media:Store is S3.",
            "Cadence:Media:S3:AccessKey and Cadence:Media:S3:SecretKey are set together, or neither (the SDK's own credentials).",
        }));
        var complete = new MediaOptions { Store = "s3", S3 = new() { Bucket = "media", ServiceUrl = "http://127.0.0.1:9000", ForcePathStyle = true } };
        Assert.That(ValidatedOptions.Check(MediaOptions.Section, complete).Succeeded, Is.True);
    }

    [Test]
    public void The_cms_refuses_to_start_with_an_unknown_store()
    {
        var error = Assert.ThrowsAsync<OptionsValidationException>(async () =>
            await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:Media:Store"] = "Disk" }));
        Assert.That(error!.Message, Does.Contain("Cadence:Media:Store 'Disk' is not a media store; use Folder or S3."));
    }
}
