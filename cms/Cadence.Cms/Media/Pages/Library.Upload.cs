using Cadence.Contract;
using Microsoft.AspNetCore.Mvc;

namespace Cadence.Cms.Media.Pages;

/// <summary>
/// The editor's upload: one image and its description, stored as a media item, answered in JSON so the script can
/// insert it where the writer is. A page handler, so the manager's sign-in policy and antiforgery check apply as on
/// every other manager form. Every role that writes posts may add pictures to them.
/// </summary>
public sealed partial class LibraryModel
{
    public const int AltMax = 300;

    public sealed record UploadedImage(int Id, string Url, string FileName, string Alt, int? Width, int? Height);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        var alt = Alt?.Trim();
        if (Upload is null || Upload.Length == 0) return Refused(StatusCodes.Status400BadRequest, "Choose an image to upload.");
        if (Upload.Length > MediaLibrary.MaxBytes)
            return Refused(StatusCodes.Status413PayloadTooLarge, $"The image is larger than {MediaLibrary.MaxBytes / 1024 / 1024} MB. Make it smaller and try again.");
        if (string.IsNullOrEmpty(alt)) return Refused(StatusCodes.Status400BadRequest, "Describe the picture for someone who can't see it.");
        if (alt.Length > AltMax) return Refused(StatusCodes.Status400BadRequest, $"Keep the description under {AltMax} characters.");

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        // Only pictures belong in a post's text; a PDF goes through the media library as a download.
        if (ImageSize.Detect(bytes) is not { ContentType: var type } || !type.StartsWith("image/", StringComparison.Ordinal))
            return Refused(StatusCodes.Status415UnsupportedMediaType, "This file is not a picture. Upload a PNG, JPEG, GIF or WebP image.");
        try
        {
            var file = await library.AddAsync(Upload.FileName, bytes, isPublic: true, alt, cancellationToken);
            return new JsonResult(new UploadedImage(file.Id, file.Url, file.FileName, alt, file.Width, file.Height))
            {
                StatusCode = StatusCodes.Status201Created,
            };
        }
        catch (MediaException e)
        {
            return Refused(StatusCodes.Status400BadRequest, e.Message);
        }
    }

    private static ObjectResult Refused(int status, string title) => new(new ProblemDetails { Status = status, Title = title })
    {
        StatusCode = status,
        ContentTypes = { "application/problem+json" },
    };
}
