using Cadence.Site.Keys;

namespace Cadence.Site.Source;

/// <summary>What the previous build read, handed back so that only what changed since is read or fetched again.</summary>
/// <param name="Posts">Every published post as last read, without its body, by slug.</param>
/// <param name="Files">The content folder's post files as last read (folder builds only).</param>
public sealed record KnownContent(IReadOnlyDictionary<string, KnownPost> Posts, IReadOnlyList<PostFileStamp>? Files);

/// <summary>A post as last read, without its body: enough to list it, link it and decide whether it changed.</summary>
/// <param name="Post">The post, with <see cref="ApiPost.Body"/> null.</param>
/// <param name="BodyKey">A hash of the body it had.</param>
/// <param name="Media">The CMS media files it shows, which the output keeps.</param>
public sealed record KnownPost(ApiPost Post, Hash128 BodyKey, IReadOnlyList<string> Media);

/// <summary>A content-folder post file as last read: a changed size or time means reading it again (and then its hash decides).</summary>
/// <param name="Slug">The published post it holds; null for a draft.</param>
public sealed record PostFileStamp(string Path, long Size, long Modified, Hash128 Hash, string? Slug);
