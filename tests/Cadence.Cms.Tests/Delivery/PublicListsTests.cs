using System.Text.Json;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Delivery;

/// <summary>
/// The content key sees only what the public site could show: a draft's new tag, category and author stay
/// unlisted, and appear the moment the draft is published.
/// </summary>
public class PublicListsTests
{
    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _cms = await CmsServer.StartAsync();
        await using var scope = _cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        var now = DateTime.UtcNow;
        db.Posts.Add(new Post
        {
            Title = "Our new running club", Slug = "secret-running-club", Body = "Not yet.", Status = PostStatus.Draft,
            CreatedAt = now, UpdatedAt = now,
            Tags = [new Tag { Slug = "running-club", Name = "Running club" }],
            Category = new Category { Slug = "club-news", Name = "Club news" },
            Author = new Author { Slug = "new-physio", Name = "A new physio" },
        });
        await db.SaveChangesAsync();
    }

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [TestCase("api/v1/tags", "running-club")]
    [TestCase("api/v1/categories", "club-news")]
    [TestCase("api/v1/authors", "new-physio")]
    public async Task A_term_or_author_used_only_by_a_draft_is_not_listed_until_it_is_published(string path, string slug)
    {
        using var api = _cms.Client(_cms.ContentKey);
        var listed = await Slugs(api, path);
        Assert.That(listed, Is.Not.Empty, "published posts' terms and authors are listed");
        Assert.That(listed, Does.Not.Contain(slug));

        await Publish(true);
        try
        {
            Assert.That(await Slugs(api, path), Does.Contain(slug));
        }
        finally
        {
            await Publish(false);
        }
        Assert.That(await Slugs(api, path), Does.Not.Contain(slug));
    }

    private async Task Publish(bool live)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        var workflow = scope.ServiceProvider.GetRequiredService<PostWorkflow>();
        var post = await db.Posts.SingleAsync(p => p.Slug == "secret-running-club");
        if (live) workflow.Publish(post);
        else workflow.Unpublish(post);
        await db.SaveChangesAsync();
    }

    private static async Task<List<string>> Slugs(HttpClient api, string path)
    {
        using var json = JsonDocument.Parse(await api.GetStringAsync(path));
        return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!).ToList();
    }
}
