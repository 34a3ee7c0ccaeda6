using Cadence.Cms.Data;
using Cadence.Cms.Hosting;
using Cadence.Cms.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Tests.Webhooks;

/// <summary>Webhooks must not become a way into the clinic's network.</summary>
public class PrivateTargetTests
{
    [TestCase("http://127.0.0.1:8080/hook")]
    [TestCase("http://localhost/hook")]
    [TestCase("http://10.1.2.3/hook")]
    [TestCase("http://172.20.0.1/hook")]
    [TestCase("http://192.168.1.10/hook")]
    [TestCase("http://169.254.169.254/latest/meta-data")]
    [TestCase("http://0.0.0.0/hook")]
    [TestCase("http://[::1]/hook")]
    [TestCase("http://[fd12:3456::1]/hook")]
    [TestCase("http://[fe80::1]/hook")]
    [TestCase("http://[::ffff:10.0.0.1]/hook")]
    [TestCase("http://[64:ff9b::a00:1]/hook")]          // NAT64 of 10.0.0.1
    [TestCase("http://[64:ff9b:1::a9fe:a9fe]/hook")]    // local-use NAT64
    [TestCase("http://[2002:a00:1::1]/hook")]           // 6to4 of 10.0.0.1
    [TestCase("http://198.18.0.1/hook")]                // benchmarking
    [TestCase("http://198.19.255.254/hook")]
    [TestCase("http://192.0.2.10/hook")]                // TEST-NET-1
    [TestCase("http://198.51.100.7/hook")]              // TEST-NET-2
    [TestCase("http://203.0.113.9/hook")]               // TEST-NET-3
    public void A_configured_endpoint_on_a_private_address_stops_the_start(string url)
    {
        var options = new WebhookOptions { Endpoints = [new ConfiguredEndpoint { Url = url, Secret = WebhookCms.Secret }] };
        var result = ValidatedOptions.Check(WebhookOptions.Section, options);
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("private"));
        Assert.That(ValidatedOptions.Check(WebhookOptions.Section, new WebhookOptions { Endpoints = options.Endpoints, AllowPrivateTargets = true }).Succeeded, Is.True);
    }

    [Test]
    public void The_cms_refuses_to_start_with_a_private_endpoint()
    {
        var settings = WebhookCms.Settings("http://127.0.0.1:9/hook");
        settings.Remove("Cadence:Webhooks:AllowPrivateTargets");
        Assert.That(async () => await CmsServer.StartAsync(settings), Throws.InstanceOf<OptionsValidationException>());
    }

    [Test]
    public async Task The_manager_refuses_a_private_endpoint_and_accepts_a_public_one()
    {
        await using var cms = await CmsServer.StartAsync();
        await using var scope = cms.Services.CreateAsyncScope();
        var targets = scope.ServiceProvider.GetRequiredService<WebhookTargets>();

        var problem = await targets.AddAsync(new NewEndpoint("http://192.168.0.2/hook", WebhookKind.Generic, WebhookCms.Secret, null, []));
        Assert.That(problem?.Field, Is.EqualTo("url"));
        Assert.That((await targets.AddAsync(new NewEndpoint("https://hooks.example/x", WebhookKind.Generic, "short", null, [])))?.Field, Is.EqualTo("secret"));
        Assert.That((await targets.AddAsync(new NewEndpoint("https://hooks.example/x", WebhookKind.Generic, WebhookCms.Secret, null, ["post.exploded"])))?.Field, Is.EqualTo("events"));
        Assert.That(await targets.StoredAsync(), Is.Empty);

        // A literal public address needs no DNS, so this works offline.
        Assert.That(await targets.AddAsync(new NewEndpoint("https://9.9.9.9/hook", WebhookKind.Generic, WebhookCms.Secret, null, ["post.published"])), Is.Null);
        var stored = (await targets.StoredAsync()).Single();
        Assert.That(stored.ProtectedSecret, Does.Not.Contain(WebhookCms.Secret), "the secret is stored encrypted");
        Assert.That((await targets.FindAsync($"db:{stored.Id}"))?.Secret, Is.EqualTo(WebhookCms.Secret), "and can be read back to sign");
    }

    [Test]
    public async Task A_host_that_resolves_to_a_private_address_at_send_time_is_refused()
    {
        // As if DNS had changed after the endpoint was checked: the name now resolves to loopback, where a receiver listens.
        await using var receiver = await WebhookReceiver.StartAsync(WebhookCms.Secret);
        await using var cms = await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:Webhooks:RetryBaseDelay"] = "00:00:00.100", ["Cadence:Webhooks:MaxAttempts"] = "2" });
        await using (var scope = cms.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
            var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Cadence.Webhooks.Secrets.v1");
            db.WebhookEndpoints.Add(new WebhookEndpoint { Url = $"http://localhost:{receiver.Port}/hook", ProtectedSecret = protector.Protect(WebhookCms.Secret) });
            await db.SaveChangesAsync();
        }
        var slug = await cms.AddDraft("Night running");
        await cms.Publish(slug);

        var failed = await cms.DeliveriesWhen(d => d.Count == 1 && d[0].Status == DeliveryStatus.Failed);
        Assert.That(failed[0].Error, Does.Contain("Refused to connect"));
        Assert.That(failed[0].ResponseCode, Is.Null);
        Assert.That(receiver.All, Is.Empty, "no request reached the private address");
    }
}
