using NetVips;

namespace Cadence.Images;

/// <summary>
/// The icon of a site with no logo: the clinic's initial, white, on its theme colour, as a 512 px PNG for
/// <see cref="IconSet"/>, so a site always has a favicon (a missing one is a 404 on every page view).
/// </summary>
public static class DefaultIcon
{
    private const int Size = 512;

    /// <summary>Names the icon <see cref="Make"/> draws for these settings; the leading version changes with the drawing.</summary>
    public static string Key(string name, string colour) => $"default-icon-1 {Initial(name)} {colour}";

    static DefaultIcon() => LibVips.Configure();

    /// <param name="colour">"#rrggbb".</param>
    public static byte[] Make(string name, string colour)
    {
        var rgb = new double[] { Hex(colour, 1), Hex(colour, 3), Hex(colour, 5) };
        using var background = Image.Black(Size, Size, bands: 3).NewFromImage(rgb).Cast(Enums.BandFormat.Uchar);
        var initial = Initial(name);
        if (initial == default) return ImageFormat.Png.Encode(background);
        try
        {
            // A mask of the letter (0 to 255), scaled to fill most of the square's height and centred on it.
            using var letter = Image.Text(initial.ToString(), font: "sans bold", height: 300, align: Enums.Align.Centre);
            var left = (Size - letter.Width) / 2;
            var top = (Size - letter.Height) / 2;
            using var mask = letter.Embed(left, top, Size, Size);
            using var white = background.NewFromImage(255, 255, 255);
            using var alpha = mask / 255.0;
            using var blended = (white * alpha + background * (1 - alpha)).Cast(Enums.BandFormat.Uchar);
            return ImageFormat.Png.Encode(blended);
        }
        catch (VipsException) // a libvips without text rendering: the colour alone still makes a tidy icon
        {
            return ImageFormat.Png.Encode(background);
        }
    }

    private static char Initial(string name) => char.ToUpperInvariant(name.Trim().FirstOrDefault(char.IsLetterOrDigit));

    private static double Hex(string colour, int at) => Convert.ToInt32(colour.Substring(at, 2), 16);
}
