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
        return Choose(options.Value.From, settings?.ClinicName, settings?.BaseUrl);
    }

    public static MailboxAddress Choose(string? configured, string? clinicName, string? siteUrl)
    {
        var fixedSender = string.IsNullOrWhiteSpace(configured) ? null : MailboxAddress.Parse(configured);
        var name = !string.IsNullOrWhiteSpace(fixedSender?.Name) ? fixedSender.Name
            : !string.IsNullOrWhiteSpace(clinicName) ? clinicName.Trim()
            : "Cadence";
        return new MailboxAddress(name, fixedSender?.Address ?? AddressAt(siteUrl));
    }

    private static string AddressAt(string? siteUrl) =>
        Uri.TryCreate(siteUrl, UriKind.Absolute, out var url) && url.Host.Contains('.') && url.HostNameType == UriHostNameType.Dns
            ? $"no-reply@{url.Host}"
            : FallbackAddress;
}
