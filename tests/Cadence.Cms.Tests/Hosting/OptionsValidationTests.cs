using Cadence.Cms.Accounts;
using Cadence.Cms.Content;
using Cadence.Cms.Forms;
using Cadence.Cms.Hosting;
using Cadence.Cms.Mail;
using Cadence.Cms.UI;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Tests.Hosting;

/// <summary>Every section is checked the same way at start-up, and each refusal names the setting to fix.</summary>
public sealed class OptionsValidationTests
{
    [Test]
    public void An_attribute_rule_names_the_setting()
    {
        var result = ValidatedOptions.Check(FormsOptions.Section, new FormsOptions { RetentionDays = 0 });
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.StartWith("Cadence:Forms:RetentionDays: "));
    }

    [Test]
    public void A_rule_across_fields_keeps_its_own_message()
    {
        var result = ValidatedOptions.Check(MailOptions.Section, new MailOptions { Transport = MailTransportKind.Smtp });
        Assert.That(result.FailureMessage, Is.EqualTo("Cadence:Mail:Smtp:Host is required when Cadence:Mail:Transport is Smtp."));
        Assert.That(ValidatedOptions.Check(SchedulingOptions.Section, new SchedulingOptions { Interval = TimeSpan.Zero }).FailureMessage,
            Is.EqualTo("Cadence:Scheduling:Interval must be positive."));
        Assert.That(ValidatedOptions.Check(AccountsOptions.Section, new AccountsOptions { AttemptsPerMinute = 0 }).FailureMessage,
            Is.EqualTo("Cadence:Accounts:AttemptsPerMinute must be at least 1."));
        Assert.That(ValidatedOptions.Check(ManagerOptions.Section, new ManagerOptions { PreviewUrl = "http://127.0.0.1:5080", PreviewSecret = "short" }).FailureMessage,
            Does.StartWith("Cadence:Site:PreviewSecret must be at least 16 characters when Cadence:Site:PreviewUrl is set"));
        Assert.That(ValidatedOptions.Check(ManagerOptions.Section, new ManagerOptions()).Succeeded, Is.True, "no preview server, no secret needed");
    }

    [Test]
    public void The_cms_refuses_to_start_with_a_bad_setting_and_says_which()
    {
        var error = Assert.ThrowsAsync<OptionsValidationException>(async () =>
            await CmsServer.StartAsync(new Dictionary<string, string?> { ["Cadence:Mail:PollInterval"] = "00:00:00" }));
        Assert.That(error!.Message, Does.Contain("Cadence:Mail:PollInterval must be positive."));
    }
}
