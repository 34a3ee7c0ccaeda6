using Cadence.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Cadence.Cms.Tests.Manager;

/// <summary>Reads what the CMS queued in its mail outbox for one address.</summary>
public static class OutboxReader
{
    public static async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(CmsServer cms, string address)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        var needle = " " + address.ToLowerInvariant() + " ";
        var rows = await scope.ServiceProvider.GetRequiredService<CadenceDb>().MailOutbox.AsNoTracking()
            .Where(m => m.Addresses.Contains(needle)).OrderBy(m => m.Id).Select(m => m.Message).ToListAsync();
        return rows.Select(bytes => MimeMessage.Load(new MemoryStream(bytes))).ToList();
    }
}
