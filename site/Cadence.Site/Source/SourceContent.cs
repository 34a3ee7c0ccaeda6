namespace Cadence.Site.Source;

/// <summary>A media file to publish at <see cref="Url"/> (e.g. <c>/media/knee.png</c>), read when it is written.</summary>
public sealed record MediaFile(string Url, Func<CancellationToken, Task<byte[]>> ReadAsync);

/// <summary>Everything a build needs, fetched from the CMS or read from a content folder.</summary>
public sealed record SourceContent(
    ApiSite Site,
    IReadOnlyList<ApiPost> Posts,
    IReadOnlyList<ApiTerm> Tags,
    IReadOnlyList<ApiTerm> Categories,
    IReadOnlyList<ApiAuthor> Authors,
    IReadOnlyList<ApiForm> Forms,
    IReadOnlyList<ApiRedirect> Redirects,
    IReadOnlyList<MediaFile> Media);

/// <summary>The source cannot be read; the message is one line meant for the person running the build.</summary>
public sealed class SourceException(string message, Exception? inner = null) : Exception(message, inner);
