namespace Cadence.Images;

/// <summary>libvips' process-wide settings, applied once before the first image.</summary>
internal static class LibVips
{
    private static int _configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1) return;
        // Uploaded files are untrusted: only the loaders libvips considers safe for them (no ImageMagick, no PDF).
        NetVips.NetVips.BlockUntrusted = true;
        // Each image is made once: libvips' operation cache would only hold decoded pixels nobody asks for again.
        NetVips.Cache.Max = 0;
    }
}
