using System.Text;
using Cadence.Cms.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Forms.Pages;

/// <summary>Submissions, newest first, 25 a page, filtered by form, folder, read state and email; CSV export of the same filter.</summary>
[Authorize(Policy = ManagerPolicies.Editors)]
public sealed class InboxModel(InboxQueries inbox, FormsCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Form { get; set; }
    [BindProperty(SupportsGet = true)] public SubmissionFolder Folder { get; set; } = SubmissionFolder.Inbox;
    [BindProperty(SupportsGet = true)] public string? Read { get; set; }
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public InboxPage Result { get; private set; } = new([], 1, 1, 0, new Dictionary<string, int>(), 0);
    public IReadOnlyList<string> FormKeys { get; private set; } = [];

    public InboxFilter Filter => new(Form, Folder, Read switch { "read" => true, "unread" => false, _ => null }, Email, PageNumber);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FormKeys = await inbox.FormKeysAsync(cancellationToken);
        Result = await inbox.ListAsync(Filter, cancellationToken);
    }

    /// <summary>The filtered submissions as CSV, one column per field of the chosen form (or of every form).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var forms = (await catalog.GetAsync(cancellationToken)).Forms.Values.Where(f => Form is null or "" || f.Key == Form).OrderBy(f => f.Key);
        var fields = forms.SelectMany(f => f.Fields).DistinctBy(f => f.Name).ToList();
        var text = new StringWriter();
        await SubmissionCsv.WriteAsync(text, fields, inbox.AllAsync(Filter with { Page = 1 }), cancellationToken);
        var name = $"submissions-{(string.IsNullOrEmpty(Form) ? "all" : Form)}-{Folder.ToString().ToLowerInvariant()}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv; charset=utf-8", name);
    }

    public string Link(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["form"] = Form, ["folder"] = Folder.ToString(), ["read"] = Read, ["email"] = Email, ["p"] = page.ToString(),
    }).ToString();

    public string CsvLink() => "/manager/inbox" + QueryString.Create(new Dictionary<string, string?>
    {
        ["handler"] = "csv", ["form"] = Form, ["folder"] = Folder.ToString(), ["read"] = Read, ["email"] = Email,
    });
}
