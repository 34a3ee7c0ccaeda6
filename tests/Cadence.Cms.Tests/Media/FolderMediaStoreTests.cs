using System.Net;
using Cadence.Cms.Data;
using Cadence.Cms.Media;
using Cadence.Cms.Media.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Media;

/// <summary>The default store: media files in the data folder, private to the CMS's user, never half written.</summary>
public sealed class FolderMediaStoreTests
{
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:Media:Store"] = "Folder" });

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public async Task An_added_file_is_a_private_file_in_the_data_folder_and_its_deletion_removes_it()
    {
        var bytes = SampleImages.Png(300, 200);
        MediaFile media;
        await using (var scope = _cms.Services.CreateAsyncScope())
            media = await scope.ServiceProvider.GetRequiredService<MediaLibrary>().AddAsync("Shin splints on a treadmill.png", bytes, isPublic: true, alt: "Shins");

        var path = Path.Combine(_cms.DataPath, "media", media.StoreKey!);
        Assert.That(await File.ReadAllBytesAsync(path), Is.EqualTo(bytes));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(Path.Combine(_cms.DataPath, "media")), Is.EqualTo(OwnerFolder));
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(OwnerFile));
        }
        using (var served = await _cms.Client().GetAsync(media.Url.TrimStart('/')))
            Assert.That(await served.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));

        await _cms.ImageVariantsMadeAsync();
        await using (var scope = _cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            var variantFiles = await db.Set<MediaVariant>().Where(v => v.MediaFileId == media.Id)
                .Select(v => Path.Combine(_cms.DataPath, "media", v.StoreKey)).ToListAsync();
            Assert.That(variantFiles, Is.Not.Empty);
            Assert.That(variantFiles, Has.All.Matches<string>(File.Exists));

            await scope.ServiceProvider.GetRequiredService<MediaLibrary>().DeleteAsync(await db.Media.SingleAsync(m => m.Id == media.Id));
            Assert.That(variantFiles.Append(path), Has.None.Matches<string>(File.Exists));
        }
        using var gone = await _cms.Client().GetAsync(media.Url.TrimStart('/'));
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_write_that_fails_half_way_leaves_the_old_bytes_and_no_partial_file()
    {
        var store = new FolderMediaStore(RepoPaths.NewTempFolder("media-store"));
        await store.PutAsync("originals/a-knee.png", new MemoryStream([1, 2, 3]), "image/png", CancellationToken.None);

        Assert.ThrowsAsync<IOException>(() => store.PutAsync("originals/a-knee.png", new FailingStream(), "image/png", CancellationToken.None));

        await using (var read = await store.OpenReadAsync("originals/a-knee.png", CancellationToken.None))
        {
            using var copy = new MemoryStream();
            await read!.CopyToAsync(copy);
            Assert.That(copy.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        }
        Assert.That(Directory.GetFiles(Path.Combine(store.Root, "originals")), Has.Length.EqualTo(1), "no temporary file left");
        Assert.That(await store.OpenReadAsync("originals/never-written.png", CancellationToken.None), Is.Null);
        Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync("../cadence.db", CancellationToken.None));
    }

    [TestCase("knee-pain.png")]
    [TestCase("Knee Pain (ÜBER)..final.pdf")]
    [TestCase("../../cadence.db")]
    public void Any_file_name_gives_a_safe_key_that_keeps_it_readable(string fileName)
    {
        var key = MediaKeys.NewOriginal(fileName);
        Assert.That(MediaKeys.IsSafe(key), Is.True, key);
        Assert.That(key, Does.StartWith("originals/").And.Not.Contain(".."));
        Assert.That(MediaKeys.Variant(key, "0123abcd-480.avif"), Does.StartWith("variants/").And.EndWith("/0123abcd-480.avif"));
    }

    /// <summary>A source that gives some bytes and then fails, as a dropped upload or a full disk would.</summary>
    private sealed class FailingStream : Stream
    {
        private bool _gave;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_gave) throw new IOException("The source failed half-way.");
            _gave = true;
            buffer.AsSpan(offset, Math.Min(count, 4)).Fill(9);
            return Math.Min(count, 4);
        }
    }
}
