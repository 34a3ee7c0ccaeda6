using System.Globalization;
using System.Text;
using Cadence.Cms.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Cadence.Cms.Forms.Pages;

/// <summary>
/// Submissions, newest first, 25 a page, filtered by folder, form, read state, date range (the clinic's days) and
/// email; ticked rows can be marked read or unread or moved between Inbox and Spam; CSV export of the same filter.
/// </summary>
[Authorize(Policy = ManagerPolicies.Editors)]
public sealed class InboxModel(InboxQueries inbox, FormsCatalog catalog, ManagerClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Form { get; set; }
    [BindProperty(SupportsGet = true)] public SubmissionFolder Folder { get; set; } = SubmissionFolder.Inbox;
    [BindProperty(SupportsGet = true)] public string? Read { get; set; }
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>The ticked rows of the list, for the bulk buttons.</summary>
    [BindProperty] public List<long> Selected { get; set; } = [];

    public InboxPage Result { get; private set; } = new([], 1, 1, 0, new Dictionary<string, int>(), 0);
    public IReadOnlyList<string> FormKeys { get; private set; } = [];
    public IReadOnlyDictionary<string, string> FormTitles { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FormKeys = await inbox.FormKeysAsync(cancellationToken);
        FormTitles = (await catalog.GetAsync(cancellationToken)).Forms.ToDictionary(f => f.Key, f => f.Value.Title);
        Result = await inbox.ListAsync(await FilterAsync(), cancellationToken);
        PageNumber = Result.Page;
    }

    /// <summary>The filtered submissions as CSV, one column per field of the chosen form (or of every form).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var forms = (await catalog.GetAsync(cancellationToken)).Forms.Values.Where(f => Form is null or "" || f.Key == Form).OrderBy(f => f.Key);
        var fields = forms.SelectMany(f => f.Fields).DistinctBy(f => f.Name).ToList();
        var text = new StringWriter();
        await SubmissionCsv.WriteAsync(text, fields, inbox.AllAsync(await FilterAsync() with { Page = 1 }), cancellationToken);
        var name = $"submissions-{(string.IsNullOrEmpty(Form) ? "all" : Form)}-{Folder.ToString().ToLowerInvariant()}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv; charset=utf-8", name);
    }

    /// <summary>The bulk buttons under the list: <paramref name="action"/> is read, unread, spam or inbox.</summary>
    public async Task<IActionResult> OnPostBulkAsync(string? action, CancellationToken cancellationToken)
    {
        if (Selected.Count == 0)
        {
            TempData.Problem("Tick at least one submission first.");
            return Redirect(Link(PageNumber));
        }
        var (changed, done) = action switch
        {
            "read" => (await inbox.SetReadAsync(Selected, true, cancellationToken), "marked as read"),
            "unread" => (await inbox.SetReadAsync(Selected, false, cancellationToken), "marked as unread"),
            "spam" => (await inbox.MoveAsync(Selected, SubmissionFolder.Spam, cancellationToken), "moved to Spam"),
            "inbox" => (await inbox.MoveAsync(Selected, SubmissionFolder.Inbox, cancellationToken), "moved to the Inbox"),
            _ => (-1, ""),
        };
        if (changed < 0) return BadRequest();
        TempData.Notice($"{changed} submission{(changed == 1 ? "" : "s")} {done}.");
        return Redirect(Link(PageNumber));
    }

    public bool IsSpam => Folder == SubmissionFolder.Spam;

    public string Link(int page) => Address(ManagerRoutes.Inbox, ("p", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));

    public string BulkAction() => Address(ManagerRoutes.Inbox, ("p", PageNumber > 1 ? PageNumber.ToString(CultureInfo.InvariantCulture) : null), ("handler", "bulk"));

    public string CsvLink() => Address(ManagerRoutes.Inbox, ("handler", "csv"));

    /// <summary>This list's address with the current filters plus <paramref name="extra"/>, leaving out empty ones.</summary>
    private string Address(string path, params (string Key, string? Value)[] extra)
    {
        var query = new Dictionary<string, string?>
        {
            ["folder"] = Folder == SubmissionFolder.Inbox ? null : Folder.ToString(), ["form"] = Form, ["read"] = Read, ["email"] = Email,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra) query[key] = value;
        return QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    /// <summary>The filter in UTC: a date range means whole days in the clinic's time zone.</summary>
    private async Task<InboxFilter> FilterAsync()
    {
        if (From is { } from && To is { } to && to < from)
            ModelState.AddModelError(nameof(To), "The end date is before the start date.");
        DateTime? start = From is { } f ? await clock.ToUtcAsync(f.ToDateTime(TimeOnly.MinValue)) : null;
        DateTime? end = To is { } t ? await clock.ToUtcAsync(t.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null;
        var read = Read switch { "read" => true, "unread" => false, _ => (bool?)null };
        return new InboxFilter(Form, Folder, read, Email, PageNumber, start, end);
    }
}
