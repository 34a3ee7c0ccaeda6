using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Data;

/// <summary>
/// Clinics that ran the CMS before keys moved into the database have them in <c>&lt;data&gt;/keys</c>. Each key file
/// is copied into the table once, under the name the file system gave it, so cookies, antiforgery tokens, signed
/// links and webhook secrets protected with those keys still read. The folder is left as it was.
/// </summary>
public static class KeyFolderImport
{
    public static async Task<int> ImportAsync(CadenceDb db, string dataFolder, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(dataFolder, "keys");
        if (!Directory.Exists(folder)) return 0;
        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (known.Contains(name)) continue;
            var xml = XElement.Load(file).ToString(SaveOptions.DisableFormatting);
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = xml });
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}
