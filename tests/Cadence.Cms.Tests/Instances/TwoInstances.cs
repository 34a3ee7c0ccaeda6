using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Instances;

/// <summary>
/// Two real CMS servers on one database (<see cref="SharedBackend"/>), each with its own data folder (mail pickup,
/// keys) and its own background loops, as two instances behind a proxy would run.
/// </summary>
internal sealed class TwoInstances : IAsyncDisposable
{
    private TwoInstances(CmsServer a, CmsServer b)
    {
        A = a;
        B = b;
    }

    public CmsServer A { get; }
    public CmsServer B { get; }
    public CmsServer this[int i] => i % 2 == 0 ? A : B;

    public static async Task<TwoInstances> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var config = new Dictionary<string, string?>((await SharedBackend.CreateAsync()).Database)
        {
            ["Cadence:ContentKey"] = "shared-content-key-" + Guid.NewGuid().ToString("N"),
            ["Cadence:PreviewKey"] = "shared-preview-key-" + Guid.NewGuid().ToString("N"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        var a = await CmsServer.StartAsync(config, services);
        return new TwoInstances(a, await CmsServer.StartAsync(config, services));
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}

internal static class InstanceWork
{
    /// <summary>Runs <paramref name="work"/> in a fresh scope of the instance, then saves, as one request would.</summary>
    public static async Task Save(this CmsServer cms, Func<CadenceDb, PostWorkflow, Task> work)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        await work(db, scope.ServiceProvider.GetRequiredService<PostWorkflow>());
        await db.SaveChangesAsync();
    }

    public static async Task<T> Read<T>(this CmsServer cms, Func<CadenceDb, Task<T>> query)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CadenceDb>());
    }

    public static async Task<T> InScope<T, TService>(this CmsServer cms, Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = cms.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A new draft (drafts raise nothing); returns its slug.</summary>
    public static async Task<string> AddDraft(this CmsServer cms, string title)
    {
        var slug = "";
        await cms.Save(async (db, workflow) =>
        {
            slug = await workflow.FreeSlugAsync(title, null);
            db.Posts.Add(new Post { Title = title, Slug = slug, Body = "Warm up first.", Status = PostStatus.Draft });
        });
        return slug;
    }

    public static Task Publish(this CmsServer cms, string slug) =>
        cms.Save(async (db, workflow) => workflow.Publish(await db.Posts.SingleAsync(p => p.Slug == slug)));

    public static async Task Until(Func<Task<bool>> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }
}
