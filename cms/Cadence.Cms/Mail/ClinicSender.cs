using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cadence.Cms.Mail;

/// <summary>
/// Who the clinic's emails come from. The name is the clinic's (Settings → Site) unless <c>Cadence:Mail:From</c>
/// names one; the address is <c>Cadence:Mail:From</c>'s, or else no-reply at the host of the site's address, so a
/// reader sees "Stride Sports Therapy &lt;no-reply@stride.example&gt;" rather than a product's name.
/// </summary>
public sealed class ClinicSender(CadenceDb db, IOptions<MailOptions> options)
{
    public const string FallbackAddress = "no-reply@localhost";

    public MailboxAddress Current()
    {
        var settings = db.Settings.AsNoTracking().Select(s => new { s.ClinicName, s.BaseUrl }).FirstOrDefault();
        return Choose(options.Value.From, settings?.ClinicName, settings?.BaseUrl).ToMailbox();
    }

    public static MailSender Choose(string? configured, string? clinicName, string? siteUrl)
    {
        var fixedSender = string.IsNullOrWhiteSpace(configured) ? null : MailboxAddress.Parse(configured);
        var name = !string.IsNullOrWhiteSpace(fixedSender?.Name) ? fixedSender.Name
            : !string.IsNullOrWhiteSpace(clinicName) ? clinicName.Trim()
            : "Cadence";
        return new MailSender(name, fixedSender?.Address ?? AddressAt(siteUrl));
    }

    private static string AddressAt(string? siteUrl) =>
        Uri.TryCreate(siteUrl, UriKind.Absolute, out var url) && url.Host.Contains('.') && url.HostNameType == UriHostNameType.Dns
            ? $"no-reply@{url.Host}"
            : FallbackAddress;
}

/// <summary>
/// The clinic's sender as plain values, safe to cache and share. A MimeKit address is not: every message it is added
/// to subscribes to its change event, so one address kept in a cache and added to many messages keeps all of them
/// alive for as long as the cache holds it (under a busy form, thousands of messages carried into the oldest generation).
/// </summary>
public sealed record MailSender(string Name, string Address)
{
    /// <summary>A new address, for one message.</summary>
    public MailboxAddress ToMailbox() => new(Name, Address);
}
