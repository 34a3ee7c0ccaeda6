using System.Text;

namespace Cadence.Cms.Forms;

/// <summary>
/// Writes submissions as CSV (RFC 4180) for spreadsheets. A cell that a spreadsheet would run as a formula
/// (starting with = + - @, tab or carriage return) gets a leading single quote, so it is shown as text.
/// </summary>
public static class SubmissionCsv
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<FormField> fields, IAsyncEnumerable<Submission> submissions, CancellationToken cancellationToken = default)
    {
        var columns = new List<string> { "id", "received_at", "form", "folder", "read" };
        columns.AddRange(fields.Select(f => f.Name));
        await output.WriteLineAsync(Row(columns));
        await foreach (var submission in submissions.WithCancellation(cancellationToken))
        {
            var cells = new List<string>
            {
                submission.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                submission.ReceivedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                submission.FormKey, submission.Folder.ToString(), submission.IsRead ? "yes" : "no",
            };
            cells.AddRange(fields.Select(f => submission.Value(f.Name) ?? ""));
            await output.WriteLineAsync(Row(cells));
        }
    }

    public static string Row(IEnumerable<string> cells) => string.Join(',', cells.Select(Cell));

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
