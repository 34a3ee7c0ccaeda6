using Cadence.Cms.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Accounts;

/// <summary>The key check behind every API read, against the real key store.</summary>
public class ApiKeyCheckTests
{
    [Test]
    public async Task A_flood_of_made_up_keys_is_remembered_only_up_to_the_limit_and_real_keys_still_work()
    {
        await using var cms = await CmsServer.StartAsync();
        var check = cms.Services.GetRequiredService<ApiKeyCheck>();

        var known = 0;
        for (var i = 0; i < ApiKeyCheck.MaxRemembered + 500; i++)
            if (await check.KindOfAsync($"made-up-key-{i:D6}", CancellationToken.None) is not null) known++;

        Assert.That(known, Is.Zero);
        Assert.That(check.RememberedCount, Is.InRange(1, ApiKeyCheck.MaxRemembered));
        Assert.That(await check.KindOfAsync(cms.ContentKey, CancellationToken.None), Is.EqualTo(ApiKeyKind.Content));
        Assert.That(await check.KindOfAsync(cms.PreviewKey, CancellationToken.None), Is.EqualTo(ApiKeyKind.Preview));
    }
}
