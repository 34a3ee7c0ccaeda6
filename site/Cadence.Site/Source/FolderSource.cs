using System.Buffers;
using System.IO.Enumeration;
using System.Text;
using Cadence.Contract;
using Cadence.Markdown;
using Cadence.Markdown.Folder;
using Cadence.Site.Keys;

namespace Cadence.Site.Source;

/// <summary>
/// Reads a content folder (the format the CMS imports and exports) into the API's shapes, with no CMS. Given what the
/// previous build read, only post files whose size or time changed are read, and only those whose bytes changed are parsed.
/// </summary>
public static class FolderSource
{
    public static SourceContent Load(string root, string cmsUrl) => Load(root, cmsUrl, _ => null);

    /// <summary>The logo with its pixel size read from the file (as the CMS reads it on upload); its alt is the clinic's name.</summary>
    private static ApiImage? LogoOf(SiteFile? site, string root)
    {
        if (site?.Logo is not { } url) return null;
        var path = Path.Combine(root, url.TrimStart('/'));
        var size = File.Exists(path) ? ImageSize.Detect(File.ReadAllBytes(path)) : null;
        return new ApiImage(url, site.ClinicName, size?.Width, size?.Height);
    }

    private static ApiClinic? ClinicOf(ClinicDetails? clinic) => clinic is null ? null : new ApiClinic(
        clinic.Street, clinic.Town, clinic.Postcode, clinic.Country, clinic.Phone, clinic.Email,
        clinic.OpeningHours.Select(h => new ApiOpeningHours(h.Day, h.Opens, h.Closes)).ToList(), clinic.Registration);

    /// <param name="knownFor">What the previous build read, if its output can be reused with these site inputs (by site key).</param>
    /// <param name="images">Where images' responsive variants are made and kept (default: <see cref="ImageVariantCache.DefaultRoot"/>).</param>
    public static SourceContent Load(string root, string cmsUrl, Func<Hash128, KnownContent?> knownFor, ImageVariantCache? images = null)
    {
        ContentFolder folder;
        try
        {
            folder = ContentFolderReader.LoadWithoutPosts(root);
        }
        catch (ContentFormatException e)
        {
            throw new SourceException(e.Message, e);
        }
        var media = folder.Files.Where(f => f.IsPublic).ToDictionary(f => f.Url, StringComparer.Ordinal);
        var authors = new Dictionary<string, ApiAuthor>(StringComparer.Ordinal);
        foreach (var a in folder.Authors) authors[a.Slug] = new ApiAuthor(a.Slug, a.Name, a.Bio, a.Avatar, Credentials: a.Credentials);
        var authorsByName = folder.Authors.ToDictionary(a => a.Name, a => a.Slug, StringComparer.OrdinalIgnoreCase);

        var pages = folder.Pages.Where(p => p.Status == PostFile.Published)
            .Select(p => ToApiPage(p) with { ReviewedBy = AuthorOf(p.ReviewedBy), LastReviewed = p.LastReviewed }).ToList();
        var siteKey = SiteKey(root, folder, cmsUrl, pages);
        var last = knownFor(siteKey);

        var site = folder.Site;
        var apiSite = new ApiSite(
            site?.ClinicName ?? "", site?.Title ?? "Blog", site?.Description ?? "", site?.BaseUrl ?? "", cmsUrl,
            site?.TimeZone ?? "UTC",
            site?.Navigation.Select(l => new ApiLink(l.Label, l.Url)).ToList() ?? [new ApiLink("Home", "/")],
            site?.Social.Select(l => new ApiLink(l.Label, l.Url)).ToList() ?? [], site?.Language,
            site?.ThemeColour, LogoOf(site, root), site?.Icon ?? site?.Logo, ClinicOf(site?.Clinic));

        var problems = new List<string>(folder.Problems);
        var files = ReadPostFiles(root, last);
        var reused = new Dictionary<string, KnownPost>(StringComparer.Ordinal);
        var postMedia = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var deferred = new Dictionary<string, Hash128>(StringComparer.Ordinal);
        var posts = new List<ApiPost>(files.Length);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.Problem is not null)
            {
                problems.Add(file.Problem);
                continue;
            }
            if (file.Parsed is null)
            {
                if (file.Stamp.Slug is null) continue; // a draft, unchanged
                var cached = last!.Posts[file.Stamp.Slug];
                reused[cached.Post.Slug] = cached;
                postMedia[cached.Post.Slug] = cached.Media;
                posts.Add(cached.Post);
                if (cached.Post.Author is { } known) authors.TryAdd(known.Slug, known);
                if (cached.Post.ReviewedBy is { } reviewer) authors.TryAdd(reviewer.Slug, reviewer);
                paths[cached.Post.Slug] = file.FullPath;
                continue;
            }
            var post = file.Parsed;
            if (post.Status != PostFile.Published) continue;
            if (post.Date is null)
            {
                problems.Add($"{file.FullPath}: a published post needs a date.");
                continue;
            }
            if (paths.ContainsKey(post.Slug))
            {
                problems.Add($"{file.FullPath}: another post already has the slug '{post.Slug}'.");
                continue;
            }
            var apiPost = ToApiPost(post, AuthorOf(post.Author), media) with
            {
                Featured = post.Featured,
                ReviewedBy = AuthorOf(post.ReviewedBy),
                LastReviewed = post.LastReviewed,
            };
            posts.Add(apiPost);
            postMedia[post.Slug] = [.. MediaReferences.Of(apiPost, cmsUrl).Concat(file.BodyMedia).Distinct(StringComparer.Ordinal)];
            deferred[post.Slug] = file.BodyKey;
            paths[post.Slug] = file.FullPath;
        }

        // Only the people the published site names, as the delivery API lists them: a profile with no published
        // writing or review gets no mention, and its picture stays unpublished.
        var named = posts.SelectMany(p => new[] { p.Author, p.ReviewedBy }).Concat(pages.Select(p => p.ReviewedBy))
            .OfType<ApiAuthor>().Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var content = new SourceContent(
            apiSite, posts, [], [], authors.Values.Where(a => named.Contains(a.Slug)).OrderBy(a => a.Slug, StringComparer.Ordinal).ToList(),
            folder.Forms.Select(ToForm).ToList(), [], [])
        { Pages = pages };
        // Only what the published site shows: an image that only a draft or a scheduled post uses stays unpublished.
        var shown = MediaReferences.OfSite(content, postMedia.Values.SelectMany(m => m))
            .Select(name => media.GetValueOrDefault("/media/" + name)).OfType<BinaryFile>().ToList();
        var (variants, variantFiles) = Variants(shown, images ?? new ImageVariantCache(ImageVariantCache.DefaultRoot()));
        return content with
        {
            Media = [.. shown.Select(f => new MediaFile(f.Url, ct => File.ReadAllBytesAsync(f.FullPath, ct))), .. variantFiles],
            PostMedia = postMedia,
            Images = variants,
            SiteKey = siteKey,
            Reused = reused,
            DeferredBodies = deferred,
            // A bad file is left out of the cache, so the next build reads it again and reports it until it is mended.
            Files = files.Where(f => f.Problem is null).Select(f => f.Stamp).ToList(),
            Problems = problems,
            MediaUnchanged = last is not null,
            LoadBody = slug => ReadBody(paths[slug]),
        };

        ApiAuthor? AuthorOf(string? reference)
        {
            if (reference is null) return null;
            if (authors.TryGetValue(reference, out var known)) return known;
            if (authorsByName.TryGetValue(reference, out var slug)) return authors[slug];
            var created = new ApiAuthor(Slug.From(reference), reference, null, null);
            authors[created.Slug] = created;
            return created;
        }
    }

    /// <summary>Every public image's variants, from the cache or made now (in parallel: most of the work is in libvips).</summary>
    private static (Dictionary<string, IReadOnlyList<ApiImageVariant>>, List<MediaFile>) Variants(IEnumerable<BinaryFile> media, ImageVariantCache cache)
    {
        var images = media.Where(f => IsImageName(f.Url)).OrderBy(f => f.Url, StringComparer.Ordinal).ToArray();
        var made = new (IReadOnlyList<ApiImageVariant> Variants, IReadOnlyList<MediaFile> Files)[images.Length];
        Parallel.For(0, images.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => made[i] = cache.For(images[i].FullPath));
        var variants = new Dictionary<string, IReadOnlyList<ApiImageVariant>>(StringComparer.Ordinal);
        var files = new Dictionary<string, MediaFile>(StringComparer.Ordinal); // two images with the same bytes share variants
        for (var i = 0; i < images.Length; i++)
        {
            if (made[i].Variants.Count == 0) continue;
            variants[images[i].Url] = made[i].Variants;
            foreach (var file in made[i].Files) files.TryAdd(file.Url, file);
        }
        return (variants, files.Values.ToList());
    }

    private static bool IsImageName(string url) =>
        Path.GetExtension(url).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg" or ".gif" or ".webp";

    /// <param name="Parsed">The post without its body (<see cref="BodyKey"/> is its hash; it is read again to render).</param>
    /// <param name="Problem">Why the file was left out ("path: problem"); null for a good file.</param>
    /// <param name="BodyMedia">The media files its body shows (when parsed).</param>
    private sealed record PostFileRead(string FullPath, PostFileStamp Stamp, PostFile? Parsed, Hash128 BodyKey = default, string? Problem = null,
        IReadOnlyList<string>? BodyMedia = null)
    {
        public IReadOnlyList<string> BodyMedia { get; } = BodyMedia ?? [];
    }

    /// <summary>A post file as listed: its full and relative paths, size and time.</summary>
    private readonly record struct PostFileEntry(string FullName, string Relative, long Length, long Modified);

    // As DirectoryInfo.EnumerateFiles("*.md", AllDirectories) finds them, names compared as the platform compares them.
    private static readonly EnumerationOptions AllFolders = new() { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
    private static readonly string MarkdownFiles = FileSystemName.TranslateWin32Expression("*.md");
    private static readonly bool NamesIgnoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

    /// <summary>
    /// Every .md file under the folder, in ordinal path order, read straight from the directory entries: as FileInfo
    /// objects with their paths made relative again, listing 10,000 files was most of an incremental build's source stage.
    /// </summary>
    private static PostFileEntry[] ListPostFiles(string folder)
    {
        var files = new FileSystemEnumerable<PostFileEntry>(folder, (ref entry) =>
        {
            var full = entry.ToFullPath();
            return new PostFileEntry(full, full[(entry.RootDirectory.Length + 1)..], entry.Length, entry.LastWriteTimeUtc.UtcTicks);
        }, AllFolders)
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory && FileSystemName.MatchesWin32Expression(MarkdownFiles, entry.FileName, NamesIgnoreCase),
        }.ToArray();
        Array.Sort(files, (a, b) => string.CompareOrdinal(a.FullName, b.FullName));
        return files;
    }

    /// <summary>Every post file: unchanged ones (same size and time, or same bytes) come back unparsed.</summary>
    private static PostFileRead[] ReadPostFiles(string root, KnownContent? last)
    {
        var entries = ListPostFiles(Path.Combine(root, "posts"));
        var previous = last?.Files?.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var reads = new PostFileRead[entries.Length];
        Parallel.For(0, entries.Length, i =>
        {
            var entry = entries[i];
            var relative = entry.Relative;
            var size = entry.Length;
            var modified = entry.Modified;
            PostFileStamp? before = null;
            if (previous?.TryGetValue(relative, out before) == true && before.Size == size && before.Modified == modified && Cached(before))
            {
                reads[i] = new PostFileRead(entry.FullName, before, null);
                return;
            }
            var bytes = File.ReadAllBytes(entry.FullName);
            var hash = InputKey.Of(bytes);
            if (before is not null && before.Hash == hash && Cached(before))
            {
                reads[i] = new PostFileRead(entry.FullName, before with { Size = size, Modified = modified }, null);
                return;
            }
            PostFile post;
            Hash128 bodyKey;
            string[] bodyMedia;
            // Decoded into a rented buffer: only the front matter and the body's key and media outlive the read, and
            // a string of every file was most of what a clean build's reading allocated.
            var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
            try
            {
                var text = chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, chars));
                post = PostFileFormat.ParseFrontMatter(entry.FullName, text, out var body);
                bodyKey = InputKey.Of(body);
                bodyMedia = [.. MediaReferences.InText(body)];
            }
            catch (Exception e) when (e is ContentFormatException or System.Text.DecoderFallbackException)
            {
                var stamp = new PostFileStamp(relative, size, modified, hash, null);
                reads[i] = new PostFileRead(entry.FullName, stamp, null, default, e.Message.ReplaceLineEndings(" "));
                return;
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
            reads[i] = new PostFileRead(entry.FullName,
                new PostFileStamp(relative, size, modified, hash, post.Status == PostFile.Published ? post.Slug : null), post, bodyKey, BodyMedia: bodyMedia);
        });
        return reads;

        bool Cached(PostFileStamp file) => file.Slug is null || last!.Posts.ContainsKey(file.Slug);
    }

    private static string ReadBody(string path)
    {
        try
        {
            return PostFileFormat.ReadBody(path, File.ReadAllBytes(path));
        }
        catch (ContentFormatException e)
        {
            throw new SourceException(e.Message, e);
        }
    }

    /// <summary>Everything in the folder but the posts, as a hash: the files' bytes, the media files' sizes and times.</summary>
    private static Hash128 SiteKey(string root, ContentFolder folder, string cmsUrl, IReadOnlyList<ApiPage> pages)
    {
        // The recipe: new widths or encoder settings change every image's variants, so every page.
        var key = new InputKey().Add(cmsUrl).Add(Cadence.Images.ResponsiveImages.Recipe);
        SourcePages.AddAddresses(key, pages);
        foreach (var name in new[] { "site.yml", "authors.yml" })
        {
            var path = Path.Combine(root, name);
            key.Add(File.Exists(path) ? InputKey.Of(File.ReadAllBytes(path)).Hex() : null);
        }
        var forms = Path.Combine(root, "forms");
        if (Directory.Exists(forms))
        {
            var names = Directory.GetFiles(forms, "*.yml");
            Array.Sort(names, StringComparer.Ordinal);
            foreach (var path in names) key.Add(path).Add(InputKey.Of(File.ReadAllBytes(path)));
        }
        foreach (var file in folder.Files.Where(f => f.IsPublic))
        {
            var info = new FileInfo(file.FullPath);
            key.Add(file.Url).Add(info.Length).Add(info.LastWriteTimeUtc.Ticks);
        }
        return key.Value;
    }

    private static ApiPost ToApiPost(PostFile post, ApiAuthor? author, Dictionary<string, BinaryFile> media) => new(
        post.Slug, post.Title, post.Excerpt, post.Status, post.Date, post.Date, null, null, null,
        post.Tags.Select(Term).ToArray(), post.Category is null ? null : Term(post.Category),
        author, ImageOf(post, media), Seo(post), null);

    private static ApiTerm Term(string name) => new(Slug.From(name), name);

    /// <summary>A page as the API gives it (the CMS dates an imported page by its file's date).</summary>
    private static ApiPage ToApiPage(PageFile page) => new(
        page.Slug, page.Title, page.Excerpt, page.Status, page.Date, page.Date, page.Body,
        page.SeoTitle is null && page.SeoDescription is null ? null : new ApiSeo(page.SeoTitle, page.SeoDescription, null, null),
        null, PageAddresses.PathOf(page.Slug));

    private static ApiImage? ImageOf(PostFile post, Dictionary<string, BinaryFile> media)
    {
        if (post.Image is null) return null;
        var size = media.TryGetValue(post.Image, out var file) ? ImageSize.Read(file.FullPath) : null;
        return new ApiImage(post.Image, post.ImageAlt, size?.Width, size?.Height);
    }

    private static ApiSeo? Seo(PostFile post) =>
        post.SeoTitle is null && post.SeoDescription is null && post.SocialImage is null && post.CanonicalUrl is null
            ? null
            : new ApiSeo(post.SeoTitle, post.SeoDescription, post.SocialImage, post.CanonicalUrl);

    private static ApiForm ToForm(FormFile form) => new(
        form.Key, form.Title, form.Intro, form.SubmitLabel, form.SuccessMessage, form.ThankYouPath, form.Asset is not null,
        form.Fields.Select(f => new ApiFormField(f.Name, f.Type, f.Label, f.Required, f.MaxLength, f.Options)).ToList());
}
