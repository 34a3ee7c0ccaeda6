using System.ComponentModel.DataAnnotations;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Media;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Accounts.Pages;

public sealed class ProfileModel(UserManager<CadenceUser> users, SignInManager<CadenceUser> signIn, AuthorProfiles authors, MediaLibrary media, CadenceDb db)
    : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the name readers should see."), StringLength(100)]
    public string DisplayName { get; set; } = "";

    [BindProperty, StringLength(1000, ErrorMessage = "Keep the bio under 1000 characters.")]
    public string? Bio { get; set; }

    [BindProperty, StringLength(AuthorProfiles.CredentialsMax, ErrorMessage = "Keep the credentials to one short line (under 120 characters).")]
    public string? Credentials { get; set; }

    [BindProperty]
    public string? Avatar { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public string Email { get; private set; } = "";
    public string Role { get; private set; } = "";
    public IReadOnlyList<string> Images { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var author = await authors.ForUserAsync(user.Id);
        DisplayName = author?.Name ?? user.DisplayName ?? "";
        Bio = author?.Bio;
        Credentials = author?.Credentials;
        Avatar = author?.Avatar;
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (Upload is { Length: > 0 } && ModelState.IsValid)
        {
            try
            {
                await using var stream = Upload.OpenReadStream();
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken);
                var file = await media.AddAsync(Upload.FileName, buffer.ToArray(), isPublic: true, alt: DisplayName, cancellationToken);
                if (!file.ContentType.StartsWith("image/", StringComparison.Ordinal))
                    ModelState.AddModelError(nameof(Upload), "Choose an image (PNG, JPEG, GIF or WebP).");
                else Avatar = file.Url;
            }
            catch (MediaException e)
            {
                ModelState.AddModelError(nameof(Upload), e.Message);
            }
        }
        // The picture shows on the public site beside the byline: only a public image from the library, never any address a form sends.
        if (!string.IsNullOrWhiteSpace(Avatar) && !await IsPublicImageAsync(Avatar, cancellationToken))
        {
            ModelState.AddModelError(nameof(Avatar), "Choose a picture from the media library.");
            Avatar = null;
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        user.DisplayName = DisplayName.Trim();
        await users.UpdateAsync(user);
        await authors.SaveAsync(user.Id, DisplayName.Trim(), Bio, Avatar, Credentials, cancellationToken);
        await signIn.RefreshSignInAsync(user);
        TempData.Notice("Your profile is saved.");
        return Redirect(ManagerRoutes.Profile);
    }

    private Task<bool> IsPublicImageAsync(string url, CancellationToken cancellationToken) =>
        db.Media.AnyAsync(m => m.IsPublic && m.ContentType.StartsWith("image/") && "/media/" + m.FileName == url, cancellationToken);

    private async Task LoadAsync(CadenceUser user)
    {
        Email = user.Email ?? "";
        Role = string.Join(", ", await users.GetRolesAsync(user));
        Images = await db.Media.AsNoTracking().Where(m => m.IsPublic && m.ContentType.StartsWith("image/"))
            .OrderBy(m => m.FileName).Select(m => "/media/" + m.FileName).ToListAsync();
    }
}
