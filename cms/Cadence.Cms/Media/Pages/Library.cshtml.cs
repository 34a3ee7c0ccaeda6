using System.ComponentModel.DataAnnotations;
using Cadence.Cms.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Media.Pages;

public sealed partial class LibraryModel(CadenceDb db, MediaLibrary library) : PageModel
{
    public const int PageSize = 48;
    private const int Thumb = 160;

    [BindProperty, Display(Name = "File")] public IFormFile? Upload { get; set; }
    [BindProperty, StringLength(300)] public string? Alt { get; set; }
    [BindProperty] public bool Private { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<MediaFile> Files { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => new Paging(PageNumber, PageSize, Total).Pages;

    public int ThumbWidth(MediaFile file) => file.Width is > 0 && file.Height is > 0 && file.Width < file.Height ? Thumb * file.Width.Value / file.Height.Value : Thumb;
    public int ThumbHeight(MediaFile file) => file.Width is > 0 && file.Height is > 0 && file.Width >= file.Height ? Thumb * file.Height.Value / file.Width.Value : Thumb;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), "Choose a file to upload.");
        else if (Upload.Length > MediaLibrary.MaxBytes) ModelState.AddModelError(nameof(Upload), $"The file is larger than {MediaLibrary.MaxBytes / 1024 / 1024} MB.");
        if (ModelState.IsValid)
        {
            try
            {
                using var buffer = new MemoryStream();
                await Upload!.CopyToAsync(buffer, cancellationToken);
                var file = await library.AddAsync(Upload.FileName, buffer.ToArray(), !Private, string.IsNullOrWhiteSpace(Alt) ? null : Alt.Trim(), cancellationToken);
                TempData.Notice($"Uploaded {file.FileName}.");
                return Redirect(ManagerRoutes.MediaFile(file.Id));
            }
            catch (MediaException e)
            {
                ModelState.AddModelError(nameof(Upload), e.Message);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var query = db.Media.AsNoTracking();
        Total = await query.CountAsync(cancellationToken);
        var paging = Paging.Clamped(PageNumber, PageSize, Total);
        PageNumber = paging.Page;
        Files = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Page(paging).ToListAsync(cancellationToken);
    }
}
