using System.Globalization;

namespace Cadence.Cms.Delivery;

/// <summary>
/// A position in the changes feed. <c>"41"</c>: every change up to id 41 has been seen. <c>"41.7"</c>: a listing of
/// everything live as of change 41 is under way and has reached post id 7; its pages end with the cursor <c>"41"</c>.
/// </summary>
public readonly record struct ChangesCursor(long Change, int? AfterPost)
{
    public static bool TryParse(string text, out ChangesCursor cursor)
    {
        cursor = default;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (!long.TryParse(dot < 0 ? text : text[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var change)) return false;
        if (dot < 0)
        {
            cursor = new ChangesCursor(change, null);
            return true;
        }
        if (!int.TryParse(text[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var post)) return false;
        cursor = new ChangesCursor(change, post);
        return true;
    }

    public override string ToString() => AfterPost is { } post
        ? string.Create(CultureInfo.InvariantCulture, $"{Change}.{post}")
        : Change.ToString(CultureInfo.InvariantCulture);
}
