using System.Net;
using Cadence.Contract;
using Cadence.Site.Model;
using Cadence.Site.Render;
using Cadence.Site.Source;
using Microsoft.AspNetCore.Http;

namespace Cadence.Site.Serve;

/// <summary>
/// <c>/preview/{slug}</c>: fetches any post (drafts and scheduled ones too) with the preview key and renders it
/// with the same post template as the build, against the settings and forms of the last build. Only a link the
/// manager signed (<see cref="PreviewLink"/>) opens it.
/// </summary>
public sealed class DraftPreview(DeliveryApiClient previewApi, string secret, Func<BuildResult?> lastBuild)
{
    public async Task ServeAsync(HttpContext http, string slug)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        if (!PreviewLink.IsValid(secret, slug, http.Request.Query["expires"], http.Request.Query["sig"], DateTimeOffset.UtcNow))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.Response.WriteAsync("This preview link is not valid or has expired: open Preview from the post in the manager again.");
            return;
        }
        var build = lastBuild();
        if (!Cadence.Markdown.Slug.IsValid(slug) || build is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        ApiPost? post;
        try
        {
            post = await previewApi.GetJsonOrNullAsync($"api/v1/posts/{slug}", ApiJson.Default.ApiPost, http.RequestAborted);
        }
        catch (SourceException e)
        {
            http.Response.StatusCode = StatusCodes.Status502BadGateway;
            await http.Response.WriteAsync(e.Message);
            return;
        }
        if (post is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsync($"No post '{WebUtility.HtmlEncode(slug)}'.");
            return;
        }

        var draft = SiteModelBuilder.Standalone(post, build.Model);
        using var renderer = new ComponentRenderer();
        var (html, _) = new PostPageRenderer(build.Model, build.Context).Render(renderer, PostPageInput.Standalone(draft));
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html.ToString());
    }
}
