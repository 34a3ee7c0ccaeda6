using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cadence.Cms.Accounts;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Manager;

/// <summary>The editor's upload (<c>/manager/media?handler=Upload</c>): one picture and its description, answered in JSON.</summary>
public class PostImageUploadTests : SignedInAdminTests
{
    private const string Upload = "/manager/media?handler=Upload";
    private const string Password = "granite-willow-ferry-nine";

    [Test]
    public async Task A_picture_is_stored_with_its_description_and_its_address_answered()
    {
        using var response = await Admin.PostMultipartAsync("/manager/posts/1", Upload, Picture("Knee Stretch.png", TinyPng(), "A runner stretching the front of the thigh"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var url = answer.RootElement.GetProperty("url").GetString();
        Assert.That(url, Does.Match("^/media/knee-stretch(-\\d+)?\\.png$"));
        Assert.That(answer.RootElement.GetProperty("alt").GetString(), Is.EqualTo("A runner stretching the front of the thigh"));

        await using var scope = Cms.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<CadenceDb>().Media.SingleAsync(m => "/media/" + m.FileName == url);
        Assert.That(stored.Alt, Is.EqualTo("A runner stretching the front of the thigh"));
        Assert.That(stored.IsPublic, Is.True);
        Assert.That(stored.ContentType, Is.EqualTo("image/png"));
        using var served = await Admin.GetAsync(url!);
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the picture is served at once");
    }

    [Test]
    public async Task A_file_that_is_not_a_picture_is_refused_with_a_problem_and_nothing_is_stored()
    {
        var before = await MediaCountAsync();
        using var text = await Admin.PostMultipartAsync("/manager/posts/1", Upload, Picture("notes.png", "just some words"u8.ToArray(), "Notes"));
        await AssertProblemAsync(text, HttpStatusCode.UnsupportedMediaType, "not a picture");

        var pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        using var document = await Admin.PostMultipartAsync("/manager/posts/1", Upload, Picture("leaflet.pdf", pdf, "Leaflet"));
        await AssertProblemAsync(document, HttpStatusCode.UnsupportedMediaType, "not a picture");

        var big = new byte[11 * 1024 * 1024];
        TinyPng().CopyTo(big, 0);
        using var oversize = await Admin.PostMultipartAsync("/manager/posts/1", Upload, Picture("huge.png", big, "Huge"));
        await AssertProblemAsync(oversize, HttpStatusCode.RequestEntityTooLarge, "larger than 10 MB");

        using var undescribed = await Admin.PostMultipartAsync("/manager/posts/1", Upload, Picture("plain.png", TinyPng(), "  "));
        await AssertProblemAsync(undescribed, HttpStatusCode.BadRequest, "Describe the picture");

        Assert.That(await MediaCountAsync(), Is.EqualTo(before), "nothing refused is stored");
    }

    [Test]
    public async Task An_upload_without_the_antiforgery_token_or_without_signing_in_is_refused()
    {
        var before = await MediaCountAsync();
        using var forged = await Admin.PostMultipartAsync(null, Upload, Picture("forged.png", TinyPng(), "Forged"));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "no antiforgery token");

        using var stranger = new ManagerSession(Cms);
        using var anonymous = await stranger.PostMultipartAsync(null, Upload, Picture("anonymous.png", TinyPng(), "Anonymous"));
        Assert.That((int)anonymous.StatusCode, Is.AnyOf(302, 400, 401), "not signed in");
        Assert.That(anonymous.StatusCode, Is.Not.EqualTo(HttpStatusCode.Created));
        Assert.That(await MediaCountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task An_author_may_add_pictures_to_their_posts()
    {
        var email = $"author-{Guid.NewGuid():N}@clinic.test";
        await using (var scope = Cms.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, Roles.Author, Password, "Ari Author");
        using var author = await ManagerSession.SignedInAsync(Cms, email, Password);
        using var response = await author.PostMultipartAsync("/manager/posts/new", Upload, Picture("calf.png", TinyPng(), "Calf raise on a step"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    private static MultipartFormDataContent Picture(string fileName, byte[] bytes, string alt)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "Upload", fileName }, { new StringContent(alt), "Alt" } };
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("title").GetString(), Does.Contain(title));
    }

    private async Task<int> MediaCountAsync()
    {
        await using var scope = Cms.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CadenceDb>().Media.CountAsync();
    }

    /// <summary>A real 1×1 PNG.</summary>
    internal static byte[] TinyPng() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
