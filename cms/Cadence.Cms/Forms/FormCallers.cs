using Microsoft.Net.Http.Headers;

namespace Cadence.Cms.Forms;

/// <summary>Tells script (fetch, JSON answers) from a plain HTML form post (pages and redirects).</summary>
public static class FormCallers
{
    public static bool WantsJson(HttpRequest request)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            return true;
        return MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
            && accepted.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                              || a.MediaType.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase))
            && !accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
