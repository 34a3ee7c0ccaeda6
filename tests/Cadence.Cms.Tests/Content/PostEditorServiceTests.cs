using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Content;

/// <summary>The post-saving use case itself, called as the manager calls it, on the real database of a running CMS.</summary>
public class PostEditorServiceTests
{
    private static readonly EditingUser Editor = new("editor-id", "Eddie Editor", MayPublish: true);
    private static readonly EditingUser Author = new("author-id", "Ann Author", MayPublish: false);
    private static readonly EditingUser OtherAuthor = new("other-author-id", "Otto Author", MayPublish: false);

    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    private async Task<T> InScope<T>(Func<PostEditor, CadenceDb, Task<T>> work)
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PostEditor>(), scope.ServiceProvider.GetRequiredService<CadenceDb>());
    }

    private static PostInput Text(string title, string body = "Some words.") => new(title, null, body, null, null, null, null, null, null, null, null);

    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..(title.Length + 9)];

    private Task<PostEditResult> SaveAsync(int? id, PostSave save, EditingUser user) => InScope((editor, _) => editor.SaveAsync(id, save, user));

    private Task<Post> FindAsync(int id) => InScope((_, db) => db.Posts.AsNoTracking().SingleAsync(p => p.Id == id));

    private Task<int> RevisionsAsync(int id) => InScope((_, db) => db.PostRevisions.CountAsync(r => r.PostId == id));

    private Task<int> FeedRowsAsync(string slug) => InScope((_, db) => db.ContentChanges.CountAsync(c => c.Slug == slug));

    [Test]
    public async Task An_author_cannot_publish_schedule_or_unpublish()
    {
        foreach (var action in new[] { PostAction.Publish, PostAction.Schedule, PostAction.Unpublish })
        {
            var result = await SaveAsync(null, new PostSave(Text(Unique("Sneaky")), action, DateTime.UtcNow.AddDays(1)), Author);
            Assert.That(result.Outcome, Is.EqualTo(PostEditOutcome.Forbidden), action.ToString());
        }
    }

    [Test]
    public async Task An_author_edits_only_their_own_drafts()
    {
        var draft = (await SaveAsync(null, new PostSave(Text(Unique("Mine"))), Author)).Post!;
        Assert.That((await SaveAsync(draft.Id, new PostSave(Text("Mine, again")), Author)).Outcome, Is.EqualTo(PostEditOutcome.Done));
        Assert.That((await SaveAsync(draft.Id, new PostSave(Text("Not yours")), OtherAuthor)).Outcome, Is.EqualTo(PostEditOutcome.Forbidden));

        await SaveAsync(draft.Id, new PostSave(Text("Mine, published"), PostAction.Publish), Editor);
        Assert.That((await SaveAsync(draft.Id, new PostSave(Text("Mine, changed live")), Author)).Outcome, Is.EqualTo(PostEditOutcome.Forbidden),
            "a published post is the editors' to change");
        Assert.That((await FindAsync(draft.Id)).Title, Is.EqualTo("Mine, published"));
    }

    [Test]
    public async Task Every_save_writes_a_revision_by_whoever_saved()
    {
        var post = (await SaveAsync(null, new PostSave(Text(Unique("Revised"), "First.")), Editor)).Post!;
        await SaveAsync(post.Id, new PostSave(Text(post.Title, "Second.")), Editor);
        Assert.That(await RevisionsAsync(post.Id), Is.EqualTo(2));
        var names = await InScope((_, db) => db.PostRevisions.Where(r => r.PostId == post.Id).Select(r => r.SavedBy).Distinct().ToListAsync());
        Assert.That(names, Is.EqualTo(new[] { "Eddie Editor" }));
    }

    [Test]
    public async Task Submitting_for_review_sets_the_review_state_and_publishing_clears_it()
    {
        var post = (await SaveAsync(null, new PostSave(Text(Unique("Review me")), PostAction.SubmitForReview), Author)).Post!;
        var waiting = await FindAsync(post.Id);
        Assert.That(waiting.ReviewRequestedAt, Is.Not.Null);
        Assert.That(waiting.Status, Is.EqualTo(PostStatus.Draft));

        await SaveAsync(post.Id, new PostSave(Text(waiting.Title), PostAction.Publish), Editor);
        var published = await FindAsync(post.Id);
        Assert.That(published.ReviewRequestedAt, Is.Null);
        Assert.That(published.Status, Is.EqualTo(PostStatus.Published));
    }

    [Test]
    public async Task Invalid_input_and_a_missing_schedule_time_are_named_by_field_and_nothing_is_saved()
    {
        var title = Unique("Half done");
        var result = await SaveAsync(null, new PostSave(Text(title) with { Image = "/media/not-there.png", ImageAlt = "x" }, PostAction.Schedule), Editor);
        Assert.That(result.Outcome, Is.EqualTo(PostEditOutcome.Invalid));
        Assert.That(result.Problems!.Keys, Is.EquivalentTo(new[] { nameof(PostInput.Image), PostEditResult.PublishAtField }));
        Assert.That(await InScope((_, db) => db.Posts.CountAsync(p => p.Title == title)), Is.Zero);
    }

    [Test]
    public async Task Autosaving_a_live_post_keeps_a_revision_and_changes_nothing_a_reader_sees()
    {
        var post = (await SaveAsync(null, new PostSave(Text(Unique("Live words"), "As published."), PostAction.Publish), Editor)).Post!;
        var feedBefore = await FeedRowsAsync(post.Slug);

        var autosaved = await InScope((editor, _) => editor.AutosaveAsync(post.Id, Text(post.Title, "Being rewritten…"), Editor));
        Assert.That(autosaved.KeptAsRevisionOnly, Is.True);
        Assert.That((await FindAsync(post.Id)).Body, Is.EqualTo("As published."));
        Assert.That(await RevisionsAsync(post.Id), Is.EqualTo(2));
        Assert.That(await FeedRowsAsync(post.Slug), Is.EqualTo(feedBefore), "no site change for text still being typed");
    }

    [Test]
    public async Task Autosaving_a_draft_keeps_stored_values_for_fields_that_fail_their_checks()
    {
        var post = (await SaveAsync(null, new PostSave(Text(Unique("Draft"))), Author)).Post!;
        var autosaved = await InScope((editor, _) => editor.AutosaveAsync(post.Id, Text("", "New words.") with { Excerpt = new string('x', 600) }, Author));
        Assert.That(autosaved.Outcome, Is.EqualTo(PostEditOutcome.Done));
        var stored = await FindAsync(post.Id);
        Assert.That((stored.Title, stored.Body, stored.Excerpt, stored.Status), Is.EqualTo((post.Title, "New words.", (string?)null, PostStatus.Draft)));
    }

    [Test]
    public async Task Trash_and_restore_follow_the_same_rules()
    {
        var post = (await SaveAsync(null, new PostSave(Text(Unique("Binned"))), Author)).Post!;
        Assert.That((await InScope((editor, _) => editor.TrashAsync(post.Id, OtherAuthor))).Outcome, Is.EqualTo(PostEditOutcome.Forbidden));
        Assert.That((await InScope((editor, _) => editor.TrashAsync(post.Id, Author))).Outcome, Is.EqualTo(PostEditOutcome.Done));
        Assert.That((await FindAsync(post.Id)).DeletedAt, Is.Not.Null);
        Assert.That((await InScope((editor, _) => editor.RestoreAsync(post.Id, OtherAuthor))).Outcome, Is.EqualTo(PostEditOutcome.NotFound));
        Assert.That((await InScope((editor, _) => editor.RestoreAsync(post.Id, Author))).Outcome, Is.EqualTo(PostEditOutcome.Done));
        Assert.That((await FindAsync(post.Id)).DeletedAt, Is.Null);
    }

    [Test]
    public async Task Quiet_webhook_holds_nest_and_belong_to_one_context()
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        await using var otherScope = _cms.Services.CreateAsyncScope();
        var other = otherScope.ServiceProvider.GetRequiredService<CadenceDb>();
        using (QuietWebhooks.For(db))
        {
            using (QuietWebhooks.For(db)) Assert.That(QuietWebhooks.IsOn(db), Is.True);
            Assert.That(QuietWebhooks.IsOn(db), Is.True, "closing an inner hold leaves the outer one on");
            Assert.That(QuietWebhooks.IsOn(other), Is.False, "another context is not silenced");
        }
        Assert.That(QuietWebhooks.IsOn(db), Is.False);
    }
}
