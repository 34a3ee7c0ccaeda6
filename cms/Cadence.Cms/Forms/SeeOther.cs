namespace Cadence.Cms.Forms;

/// <summary>
/// 303 See Other: after a POST the browser fetches the target with GET, so reloading the thank-you page never
/// posts the form again. (TypedResults.Redirect only offers 302, 301, 307 and 308.)
/// </summary>
public sealed class SeeOther(string location) : IResult
{
    public string Location { get; } = location;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = Location;
        return Task.CompletedTask;
    }
}
