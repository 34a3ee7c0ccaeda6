using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests.OwnerPath;

/// <summary>
/// The owner's keyboard while writing: everything typed goes through here, so the test can prove that no Markdown
/// syntax was ever typed (the formatting came from buttons, dialogs, shortcuts and paste).
/// </summary>
public sealed class PlainKeyboard(IPage page)
{
    private static readonly string[] MarkdownSyntax = ["#", "-", "*", "[", "](", ":::"];
    private readonly List<string> _sent = [];

    /// <summary>Everything sent, typed text and pressed keys alike.</summary>
    public IReadOnlyList<string> Sent => _sent;

    public Task TypeAsync(string text)
    {
        _sent.Add(text);
        return page.Keyboard.TypeAsync(text);
    }

    public Task PressAsync(string key)
    {
        _sent.Add(key);
        return page.Keyboard.PressAsync(key);
    }

    /// <summary>Fills a dialog's field (a link address, a picture's description) as typing into it.</summary>
    public Task FillAsync(ILocator field, string text)
    {
        _sent.Add(text);
        return field.FillAsync(text);
    }

    /// <summary>The sent strings that contain Markdown syntax; empty when the owner typed none.</summary>
    public IEnumerable<string> MarkdownTyped() =>
        _sent.Where(s => s.Length == 1 ? MarkdownSyntax.Contains(s) : MarkdownSyntax.Any(s.Contains));
}
