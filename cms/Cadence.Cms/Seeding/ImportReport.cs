namespace Cadence.Cms.Seeding;

/// <summary>
/// The content files the import at this start left out, "path: problem" each. The CMS starts with every good file
/// imported; this list is logged and shown to Admins on the dashboard until the next start, so a bad file is mended, not missed.
/// </summary>
public sealed class ImportReport
{
    private volatile IReadOnlyList<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    internal void Record(IReadOnlyList<string> problems) => _problems = problems.ToArray();
}
