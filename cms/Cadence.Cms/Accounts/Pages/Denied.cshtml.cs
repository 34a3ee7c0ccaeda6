using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadence.Cms.Accounts.Pages;

[AllowAnonymous]
public sealed class DeniedModel : PageModel
{
    public void OnGet() { }
}
