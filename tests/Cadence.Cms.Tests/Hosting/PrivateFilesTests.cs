using System.Net;
using Cadence.Cms.Data;
using static Cadence.Cms.Tests.Forms.FormPosts;

namespace Cadence.Cms.Tests.Hosting;

/// <summary>The database (with its sign-in keys), the data folder and mailed reset or download links are readable by the CMS's user only.</summary>
[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class PrivateFilesTests
{
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync(TestSettings());

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public void The_data_folder_and_database_are_private_whatever_the_umask()
    {
        Assert.That(File.GetUnixFileMode(_cms.DataPath), Is.EqualTo(OwnerFolder), "data folder");
        Assume.That(TestDatabase.Provider, Is.EqualTo(DatabaseProvider.Sqlite), "only SQLite keeps the database in the data folder");
        foreach (var file in Directory.GetFiles(_cms.DataPath, "cadence.db*"))
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(OwnerFile), Path.GetFileName(file));
        Assert.That(File.Exists(Path.Combine(_cms.DataPath, "cadence.db-wal")), Is.True, "the write-ahead log was checked too");
    }

    [Test]
    public async Task The_ebook_mail_carries_no_text_from_the_sender_and_its_pickup_file_is_private()
    {
        var email = Unique("ebook-relay");
        var phishing = "Your account is suspended, log in at evil.example now";
        using var response = await FetchAsync(_cms, "knee-pain-ebook", new Dictionary<string, object?>
        {
            ["name"] = phishing, ["email"] = email, ["consent"] = "true", ["website"] = "", ["_started"] = StartedLongAgo(),
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var mail = await PickedUpAsync(_cms.DataPath, m => m.To.Mailboxes.Any(t => t.Address == email));
        Assert.That(mail.TextBody, Does.StartWith("Hello,\n"));
        Assert.That(mail.TextBody + mail.HtmlBody + mail.Subject, Does.Not.Contain("evil.example").And.Not.Contain("suspended"));

        var folder = Path.Combine(_cms.DataPath, "mail-pickup");
        Assert.That(File.GetUnixFileMode(folder), Is.EqualTo(OwnerFolder), "pickup folder");
        foreach (var file in Directory.GetFiles(folder, "*.eml"))
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(OwnerFile), Path.GetFileName(file));
    }
}
