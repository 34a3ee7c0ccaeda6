using Cadence.Site.Keys;
using Cadence.Site.Render;
using Cadence.Site.Source;

namespace Cadence.Site.Build;

/// <summary>
/// The build cache's file: a compact binary form, because an incremental build reads and writes all of it and
/// JSON for 10,000 posts and 16,000 page keys took a third of such a build. Written by hand, so a round-trip test
/// (tests/Cadence.Site.Tests/BuildCacheFormatTests.cs) fills every field and checks it comes back.
/// </summary>
internal static class BuildCacheFormat
{
    private const int Magic = 0x43414443; // "CDAC"

    public static void Write(BinaryWriter w, BuildCache cache)
    {
        w.Write(Magic);
        w.Write(cache.Version);
        Key(w, cache.GlobalKey);
        w.Write(cache.ManifestHash);
        w.Write(cache.Posts.Count);
        foreach (var post in cache.Posts.Values) WritePost(w, post);
        w.Write(cache.Pages.Count);
        foreach (var (path, key) in cache.Pages)
        {
            w.Write(path);
            Key(w, key);
        }
        w.Write(cache.Files is not null);
        if (cache.Files is not null)
        {
            w.Write(cache.Files.Count);
            foreach (var file in cache.Files)
            {
                w.Write(file.Path);
                w.Write(file.Size);
                w.Write(file.Modified);
                Key(w, file.Hash);
                Text(w, file.Slug);
            }
        }
        Key(w, cache.RelatedKey);
        Key(w, cache.PostSourceKey);
        w.Write(cache.Related is not null);
        if (cache.Related is null) return;
        w.Write(cache.Related.Length);
        foreach (var list in cache.Related)
        {
            w.Write((byte)list.Length);
            foreach (var index in list) w.Write(index);
        }
    }

    public static BuildCache? Read(BinaryReader r)
    {
        if (r.ReadInt32() != Magic) return null;
        var version = r.ReadInt32();
        if (version != BuildCache.CurrentVersion) return null;
        var globalKey = Key(r);
        var manifestHash = r.ReadString();
        var postCount = r.ReadInt32();
        var posts = new Dictionary<string, CachedPost>(postCount, StringComparer.Ordinal);
        for (var i = 0; i < postCount; i++)
        {
            var post = ReadPost(r);
            posts[post.Source.Post.Slug] = post;
        }
        var pageCount = r.ReadInt32();
        var pages = new Dictionary<string, Hash128>(pageCount, StringComparer.Ordinal);
        for (var i = 0; i < pageCount; i++) pages[r.ReadString()] = Key(r);
        List<PostFileStamp>? files = null;
        if (r.ReadBoolean())
        {
            var count = r.ReadInt32();
            files = new List<PostFileStamp>(count);
            for (var i = 0; i < count; i++) files.Add(new PostFileStamp(r.ReadString(), r.ReadInt64(), r.ReadInt64(), Key(r), Text(r)));
        }
        var relatedKey = Key(r);
        var postSourceKey = Key(r);
        int[][]? related = null;
        if (r.ReadBoolean())
        {
            related = new int[r.ReadInt32()][];
            for (var i = 0; i < related.Length; i++)
            {
                var list = new int[r.ReadByte()];
                for (var k = 0; k < list.Length; k++) list[k] = r.ReadInt32();
                related[i] = list;
            }
        }
        return new BuildCache(version, globalKey, manifestHash, posts, pages, files, relatedKey, related, postSourceKey);
    }

    private static void WritePost(BinaryWriter w, CachedPost cached)
    {
        var p = cached.Source.Post;
        w.Write(p.Slug);
        w.Write(p.Title);
        Text(w, p.Excerpt);
        w.Write(p.Status);
        Date(w, p.PublishedAt);
        Date(w, p.UpdatedAt);
        Number(w, p.ReadingMinutes);
        Number(w, p.WordCount);
        w.Write(p.Tags.Count);
        foreach (var tag in p.Tags) Term(w, tag);
        w.Write(p.Category is not null);
        if (p.Category is not null) Term(w, p.Category);
        Author(w, p.Author);
        w.Write(p.Featured);
        Author(w, p.ReviewedBy);
        w.Write(p.LastReviewed is not null);
        if (p.LastReviewed is { } reviewed) w.Write(reviewed.DayNumber);
        w.Write(p.Image is not null);
        if (p.Image is { } image)
        {
            w.Write(image.Url);
            Text(w, image.Alt);
            Number(w, image.Width);
            Number(w, image.Height);
            w.Write(image.Variants is not null);
            if (image.Variants is not null)
            {
                w.Write(image.Variants.Count);
                foreach (var v in image.Variants)
                {
                    w.Write(v.Url);
                    w.Write(v.Type);
                    w.Write(v.Width);
                    w.Write(v.Height);
                }
            }
        }
        w.Write(p.Seo is not null);
        if (p.Seo is { } seo)
        {
            Text(w, seo.Title);
            Text(w, seo.Description);
            Text(w, seo.SocialImage);
            Text(w, seo.CanonicalUrl);
        }
        w.Write(p.Forms is not null);
        if (p.Forms is not null)
        {
            w.Write(p.Forms.Count);
            foreach (var form in p.Forms) w.Write(form);
        }
        Text(w, p.Path);
        Key(w, cached.Source.BodyKey);
        w.Write(cached.Source.Media.Count);
        foreach (var media in cached.Source.Media) w.Write(media);
        w.Write(cached.Facts.Excerpt);
        w.Write(cached.Facts.ReadingMinutes);
        w.Write(cached.Facts.WordCount);
        Key(w, cached.Keys.Post);
        Key(w, cached.Keys.Link);
        Key(w, cached.Keys.CardFrom);
        Key(w, cached.Keys.Card);
    }

    private static CachedPost ReadPost(BinaryReader r)
    {
        var slug = r.ReadString();
        var title = r.ReadString();
        var excerpt = Text(r);
        var status = r.ReadString();
        var published = Date(r);
        var updated = Date(r);
        var minutes = Number(r);
        var words = Number(r);
        var tags = new ApiTerm[r.ReadInt32()];
        for (var i = 0; i < tags.Length; i++) tags[i] = Term(r);
        var category = r.ReadBoolean() ? Term(r) : null;
        var author = Author(r);
        var featured = r.ReadBoolean();
        var reviewedBy = Author(r);
        DateOnly? lastReviewed = r.ReadBoolean() ? DateOnly.FromDayNumber(r.ReadInt32()) : null;
        var image = r.ReadBoolean() ? new ApiImage(r.ReadString(), Text(r), Number(r), Number(r), Variants(r)) : null;
        var seo = r.ReadBoolean() ? new ApiSeo(Text(r), Text(r), Text(r), Text(r)) : null;
        string[]? forms = null;
        if (r.ReadBoolean())
        {
            forms = new string[r.ReadInt32()];
            for (var i = 0; i < forms.Length; i++) forms[i] = r.ReadString();
        }
        var path = Text(r);
        var post = new ApiPost(slug, title, excerpt, status, published, updated, minutes, words, null, tags, category, author, image, seo, forms, path,
            featured, reviewedBy, lastReviewed);
        var bodyKey = Key(r);
        var media = new string[r.ReadInt32()];
        for (var i = 0; i < media.Length; i++) media[i] = r.ReadString();
        return new CachedPost(new KnownPost(post, bodyKey, media), new PostFacts(r.ReadString(), r.ReadInt32(), r.ReadInt32()),
            new ShownKeys(Key(r), Key(r), Key(r), Key(r)));
    }

    private static void Author(BinaryWriter w, ApiAuthor? author)
    {
        w.Write(author is not null);
        if (author is null) return;
        w.Write(author.Slug);
        w.Write(author.Name);
        Text(w, author.Bio);
        Text(w, author.Avatar);
        w.Write(author.PostCount);
        Text(w, author.Credentials);
    }

    private static ApiAuthor? Author(BinaryReader r) =>
        r.ReadBoolean() ? new ApiAuthor(r.ReadString(), r.ReadString(), Text(r), Text(r), r.ReadInt32(), Text(r)) : null;

    private static void Term(BinaryWriter w, ApiTerm term)
    {
        w.Write(term.Slug);
        w.Write(term.Name);
        w.Write(term.PostCount);
    }

    private static ApiTerm Term(BinaryReader r) => new(r.ReadString(), r.ReadString(), r.ReadInt32());

    private static void Key(BinaryWriter w, Hash128 key)
    {
        w.Write(key.Upper);
        w.Write(key.Lower);
    }

    private static Hash128 Key(BinaryReader r) => new(r.ReadUInt64(), r.ReadUInt64());

    private static void Text(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null) w.Write(text);
    }

    private static string? Text(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void Number(BinaryWriter w, int? value)
    {
        w.Write(value is not null);
        if (value is not null) w.Write(value.Value);
    }

    private static int? Number(BinaryReader r) => r.ReadBoolean() ? r.ReadInt32() : null;

    private static void Date(BinaryWriter w, DateTimeOffset? date)
    {
        w.Write(date is not null);
        if (date is null) return;
        w.Write(date.Value.Ticks);
        w.Write((short)date.Value.Offset.TotalMinutes);
    }

    private static DateTimeOffset? Date(BinaryReader r) =>
        r.ReadBoolean() ? new DateTimeOffset(r.ReadInt64(), TimeSpan.FromMinutes(r.ReadInt16())) : null;

    private static ApiImageVariant[]? Variants(BinaryReader r)
    {
        if (!r.ReadBoolean()) return null;
        var variants = new ApiImageVariant[r.ReadInt32()];
        for (var i = 0; i < variants.Length; i++) variants[i] = new ApiImageVariant(r.ReadString(), r.ReadString(), r.ReadInt32(), r.ReadInt32());
        return variants;
    }
}
