using System.Runtime.InteropServices;

namespace Cadence.Site.Write;

/// <summary>
/// Hard links an unchanged file from the previous output into the new one: no bytes are copied, and the old
/// folder can still be deleted after the swap. .NET has no managed API for hard links, hence libc's link(2).
/// </summary>
internal static partial class HardLink
{
    public static void CreateOrCopy(string existing, string link)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            try
            {
                if (Link(existing, link) == 0) return;
            }
            catch (DllNotFoundException)
            {
            }
            catch (EntryPointNotFoundException)
            {
            }
        }
        File.Copy(existing, link, overwrite: true); // other file systems, or a link across devices
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string link);
}
