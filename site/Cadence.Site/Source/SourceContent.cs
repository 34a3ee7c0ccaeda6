using Cadence.Site.Keys;

namespace Cadence.Site.Source;

/// <summary>A media file to publish at <see cref="Url"/> (e.g. <c>/media/knee.png</c>), read when it is written.</summary>
public sealed record MediaFile(string Url, Func<CancellationToken, Task<byte[]>> ReadAsync);

/// <summary>Everything a build needs, fetched from the CMS or read from a content folder.</summary>
/// <remarks>
/// In an incremental build the posts that did not change since the cached build come without their body
/// (<see cref="ApiPost.Body"/> is null) and with their facts in <see cref="Reused"/>; <see cref="LoadBody"/>
/// fetches a body when a page that shows it must be rendered again anyway.
/// </remarks>
public sealed record SourceContent(
    ApiSite Site,
    IReadOnlyList<ApiPost> Posts,
    IReadOnlyList<ApiTerm> Tags,
    IReadOnlyList<ApiTerm> Categories,
    IReadOnlyList<ApiAuthor> Authors,
    IReadOnlyList<ApiForm> Forms,
    IReadOnlyList<ApiRedirect> Redirects,
    IReadOnlyList<MediaFile> Media)
{
    /// <summary>The published pages, always read in full (a site has a handful); each page's own key decides whether it is rendered again.</summary>
    public IReadOnlyList<ApiPage> Pages { get; init; } = [];

    /// <summary>A hash of everything but the posts (settings, terms, authors, forms, media list, pages' addresses and titles); a change means a full render.</summary>
    public Hash128 SiteKey { get; init; }

    /// <summary>The posts that came without a body (unchanged since the previous build), as it knew them, by slug.</summary>
    public IReadOnlyDictionary<string, KnownPost> Reused { get; init; } = new Dictionary<string, KnownPost>();

    public Func<string, string>? LoadBody { get; init; }

    /// <summary>
    /// The body hashes of posts read in this build whose bodies are read again only when their page is rendered
    /// (a content folder's posts): holding every body from reading to rendering kept the whole corpus alive
    /// through several garbage collections. A file edited in between is rendered as it is then; its new time
    /// stamp makes the next build read it again.
    /// </summary>
    public IReadOnlyDictionary<string, Hash128> DeferredBodies { get; init; } = new Dictionary<string, Hash128>();

    /// <summary>How many posts were read or fetched for this build; the others came from the build cache.</summary>
    public int Read => Posts.Count(p => p.Body is not null) + DeferredBodies.Count;

    /// <summary>The content folder's post files as read now (folder source only), for the next build's cache.</summary>
    public List<PostFileStamp>? Files { get; init; }

    /// <summary>The responsive variants of the site's images, by the image's URL (<c>/media/knee.png</c>); an image
    /// without any is shown as it is. The variants' files are in <see cref="Media"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ApiImageVariant>> Images { get; init; } = new Dictionary<string, IReadOnlyList<ApiImageVariant>>();

    /// <summary>The media files each post shows, by slug, where the post's body is not carried (folder source), for
    /// the next build's cache.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PostMedia { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The content folder's files (or entries) left out of this build, one line each: "path: problem".</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>True when media already in the previous output can be kept without reading them again.</summary>
    public bool MediaUnchanged { get; init; }
}

/// <summary>The source cannot be read; the message is one line meant for the person running the build.</summary>
public sealed class SourceException(string message, Exception? inner = null) : Exception(message, inner);
