using System.Text;
using Cadence.Contract;

namespace Cadence.Site.Tests.Contract;

/// <summary>The signature the CMS puts on each webhook delivery and the site's serve checks before it rebuilds.</summary>
public class WebhookSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"post.published"}""");
    private static readonly DateTimeOffset Now = new(2026, 9, 4, 10, 0, 0, TimeSpan.Zero);

    private static string Signed(string secret = "s3cret", DateTimeOffset? at = null) =>
        WebhookSignature.Sign(secret, (at ?? Now).ToUnixTimeSeconds(), Body);

    [Test]
    public void A_signature_is_the_documented_hmac_of_the_timestamp_and_body()
    {
        // HMAC-SHA256("s3cret", "1788516000." + body), computed independently of the library.
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            "s3cret"u8.ToArray(), Encoding.UTF8.GetBytes("1788516000." + Encoding.UTF8.GetString(Body))));
        Assert.That(Signed(), Is.EqualTo($"t=1788516000,v1={expected}"));
    }

    [Test]
    public void A_fresh_signature_verifies() =>
        Assert.That(WebhookSignature.IsValid(Signed(), "s3cret", Body, Now.AddSeconds(30)), Is.True);

    [Test]
    public void Another_secret_or_a_changed_body_fails() => Assert.Multiple(() =>
    {
        Assert.That(WebhookSignature.IsValid(Signed(), "other", Body, Now), Is.False);
        Assert.That(WebhookSignature.IsValid(Signed(), "s3cret", "{}"u8, Now), Is.False);
    });

    [Test]
    public void A_changed_timestamp_fails_because_the_timestamp_is_signed_too()
    {
        var moved = Signed().Replace("t=1788516000", "t=1788516060", StringComparison.Ordinal);
        Assert.That(WebhookSignature.IsValid(moved, "s3cret", Body, Now), Is.False);
    }

    [Test]
    public void A_signature_older_or_newer_than_five_minutes_fails_so_a_captured_request_cannot_be_replayed() => Assert.Multiple(() =>
    {
        Assert.That(WebhookSignature.IsValid(Signed(), "s3cret", Body, Now + WebhookSignature.MaxAge), Is.True, "just in time");
        Assert.That(WebhookSignature.IsValid(Signed(), "s3cret", Body, Now.AddMinutes(6)), Is.False, "too old");
        Assert.That(WebhookSignature.IsValid(Signed(), "s3cret", Body, Now.AddMinutes(-6)), Is.False, "from the future");
    });

    [Test]
    public void While_a_secret_is_rotated_either_of_two_signatures_verifies()
    {
        var both = Signed("old") + "," + Signed("new").Split(',')[1];
        Assert.Multiple(() =>
        {
            Assert.That(WebhookSignature.IsValid(both, "old", Body, Now), Is.True);
            Assert.That(WebhookSignature.IsValid(both, "new", Body, Now), Is.True);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("t=abc,v1=00")]
    [TestCase("v1=00")]
    [TestCase("t=1788516000")]
    [TestCase("t=99999999999999999,v1=00")]
    public void A_missing_or_malformed_header_fails(string? header) =>
        Assert.That(WebhookSignature.IsValid(header, "s3cret", Body, Now), Is.False);
}
