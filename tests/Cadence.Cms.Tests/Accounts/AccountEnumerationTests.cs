using System.Diagnostics;
using Cadence.Cms.Accounts;
using Cadence.Cms.Tests.Manager;

namespace Cadence.Cms.Tests.Accounts;

/// <summary>Sign-in and forgotten-password answers tell nobody whether an address has an account: same words, about the same time.</summary>
public class AccountEnumerationTests
{
    private const int Tries = 9;

    /// <summary>
    /// Generous, because shared machines are noisy (a password hash took 80 to 500 ms here): the faster median must be
    /// at least this share of the slower. Without the stranger's hash an unknown address answered in 2 ms against
    /// 81 ms, a share of 0.03.
    /// </summary>
    private const double LeastShare = 0.6;

    private CmsServer _cms = null!;
    private string _existing = "";

    [OneTimeSetUp]
    public async Task Start()
    {
        // The test process is the trusted proxy, so each try can come from its own client address.
        _cms = await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:Proxies:0"] = "127.0.0.1" });
        _existing = await TestAccounts.CreateAsync(_cms, Roles.Editor, "exists");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    [Test]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_words_in_about_the_same_time()
    {
        var known = new List<TimeSpan>();
        var unknown = new List<TimeSpan>();
        for (var i = 0; i < Tries; i++)
        {
            // Each try comes from its own client address, so the slowing of repeated wrong tries never kicks in.
            // Taking turns at going first, so whatever the machine does between two requests falls on both sides.
            var nobody = $"nobody-{i}-{Guid.NewGuid():N}@clinic.test";
            var ((knownMessage, knownTime), (unknownMessage, unknownTime)) = i % 2 == 0
                ? (await SignInAsync(_existing, i), await SignInAsync(nobody, i))
                : Swap(await SignInAsync(nobody, i), await SignInAsync(_existing, i));
            Assert.That(unknownMessage, Is.EqualTo(knownMessage));
            Assert.That(knownMessage, Is.EqualTo(Cms.Accounts.Pages.SignInModel.MismatchMessage));
            known.Add(knownTime);
            unknown.Add(unknownTime);
        }
        AssertClose(known, unknown);
    }

    [Test]
    public async Task Forgotten_password_answers_the_same_in_about_the_same_time()
    {
        var known = new List<TimeSpan>();
        var unknown = new List<TimeSpan>();
        for (var i = 0; i < Tries; i++)
        {
            var nobody = $"nobody-{i}-{Guid.NewGuid():N}@clinic.test";
            var ((knownText, knownTime), (unknownText, unknownTime)) = i % 2 == 0
                ? (await ForgotAsync(_existing), await ForgotAsync(nobody))
                : Swap(await ForgotAsync(nobody), await ForgotAsync(_existing));
            Assert.That(unknownText, Is.EqualTo(knownText));
            known.Add(knownTime);
            unknown.Add(unknownTime);
        }
        AssertClose(known, unknown);
        Assert.That(await OutboxReader.MessagesToAsync(_cms, _existing), Has.Count.EqualTo(Tries), "the real account did get its mails");
    }

    private async Task<(string Message, TimeSpan Time)> SignInAsync(string email, int attempt)
    {
        using var session = new ManagerSession(_cms);
        session.ComeFrom($"192.0.2.{attempt + 1}");
        await session.GetAsync("/manager/account/sign-in"); // warm the connection and page before timing
        var watch = Stopwatch.StartNew();
        var answer = await session.SignInAsync(email, "not-the-password-" + attempt);
        watch.Stop();
        return ((await ManagerSession.ParseAsync(answer)).QuerySelector("#sign-in-problem")!.TextContent, watch.Elapsed);
    }

    private async Task<(string Text, TimeSpan Time)> ForgotAsync(string email)
    {
        using var session = new ManagerSession(_cms);
        await session.GetAsync("/manager/account/forgot-password");
        var watch = Stopwatch.StartNew();
        var answer = await session.SubmitAsync("/manager/account/forgot-password", new() { ["Email"] = email });
        watch.Stop();
        return ((await ManagerSession.ParseAsync(answer)).QuerySelector("main")!.TextContent, watch.Elapsed);
    }

    private static ((string, TimeSpan), (string, TimeSpan)) Swap((string, TimeSpan) unknown, (string, TimeSpan) known) => (known, unknown);

    private static void AssertClose(List<TimeSpan> known, List<TimeSpan> unknown)
    {
        var (a, b) = (Median(known), Median(unknown));
        TestContext.Out.WriteLine($"median existing {a.TotalMilliseconds:0} ms, unknown {b.TotalMilliseconds:0} ms");
        var share = Math.Min(a.TotalMilliseconds, b.TotalMilliseconds) / Math.Max(a.TotalMilliseconds, b.TotalMilliseconds);
        Assert.That(share, Is.GreaterThan(LeastShare), $"existing {a.TotalMilliseconds:0} ms vs unknown {b.TotalMilliseconds:0} ms");
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);
}
