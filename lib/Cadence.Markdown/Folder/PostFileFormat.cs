using System.Globalization;
using System.Text;

namespace Cadence.Markdown.Folder;

/// <summary>A post file: YAML front matter between <c>---</c> lines, then the Markdown body.</summary>
public static class PostFileFormat
{
    public const int MinYear = 1900;
    public const int MaxYear = 2999;

    public static readonly string[] Statuses = [PostFile.Published, PostFile.Draft, PostFile.Scheduled];

    public static PostFile Parse(string path, string text) => Parse(path, text, fastFrontMatter: true);

    /// <summary>The post without its body (<see cref="PostFile.Body"/> is empty), and the body's text.</summary>
    /// <remarks>
    /// For readers that hash the body now and read it again later, rather than keep every body. The text may lie in
    /// the caller's own buffer: a file with '\n' line endings (most) is read where it lies, not copied into a string.
    /// </remarks>
    public static PostFile ParseFrontMatter(string path, ReadOnlySpan<char> text, out ReadOnlySpan<char> body)
    {
        string frontMatter;
        if (text.ContainsAny(OtherLineEndings))
        {
            (var normalised, frontMatter, var range) = Split(path, text.ToString());
            body = normalised.AsSpan(range);
        }
        else
        {
            var (frontMatterAt, bodyAt) = Locate(path, text);
            frontMatter = text[frontMatterAt].ToString();
            body = text[bodyAt];
        }
        return FromFrontMatter(path, frontMatter, "", fastFrontMatter: true);
    }

    /// <summary>Only the body of a post file's UTF-8 bytes: the front matter is located but not read.</summary>
    public static string ReadBody(string path, ReadOnlySpan<byte> utf8)
    {
        // Most files use '\n' alone: then the body is found in the bytes and only it is decoded, rather than the
        // whole file decoded and the body copied out of it. The rest take the way every other reader does.
        if (!HasOtherLineEndings(utf8)
            && Locate(utf8, utf8.StartsWith("\uFEFF"u8) ? 3 : 0, "---\n"u8, "\n---"u8, (byte)'\n') is (Shape.Found, _, var body))
            return Encoding.UTF8.GetString(utf8[body]);
        var (normalised, _, range) = Split(path, Encoding.UTF8.GetString(utf8));
        return normalised[range];
    }

    /// <param name="fastFrontMatter">Try the flat front-matter reader before YamlDotNet (false in tests that compare the two).</param>
    internal static PostFile Parse(string path, string text, bool fastFrontMatter)
    {
        var (normalised, frontMatter, body) = Split(path, text);
        return FromFrontMatter(path, frontMatter, normalised[body], fastFrontMatter);
    }

    private static PostFile FromFrontMatter(string path, string frontMatter, string body, bool fastFrontMatter)
    {
        var yaml = (fastFrontMatter ? FlatFrontMatter.TryRead(frontMatter) : null) ?? YamlFiles.Read<PostYaml>(path, frontMatter);

        var title = yaml.Title?.Trim();
        if (string.IsNullOrEmpty(title)) throw new ContentFormatException($"{path}: front matter needs a title.");
        var slug = string.IsNullOrWhiteSpace(yaml.Slug) ? Slug.From(title) : yaml.Slug.Trim();
        if (!Slug.IsValid(slug)) throw new ContentFormatException($"{path}: slug '{slug}' must be lower-case letters, digits and hyphens.");

        DateTimeOffset? date = null;
        if (!string.IsNullOrWhiteSpace(yaml.Date))
        {
            if (!DateTimeOffset.TryParse(yaml.Date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                throw new ContentFormatException($"{path}: date '{yaml.Date}' is not an ISO 8601 date.");
            // Far dates overflow every later step (time zones, feeds, sitemaps); no clinic post is dated outside these.
            if (parsed.Year is < MinYear or > MaxYear)
                throw new ContentFormatException($"{path}: date '{yaml.Date}' is outside the years {MinYear} to {MaxYear}.");
            date = parsed;
        }

        var status = (yaml.Status ?? (yaml.Draft == true ? PostFile.Draft : PostFile.Published)).Trim().ToLowerInvariant();
        if (!Statuses.Contains(status))
            throw new ContentFormatException($"{path}: status '{yaml.Status}' must be one of {string.Join(", ", Statuses)}.");
        if (status == PostFile.Scheduled && date is null)
            throw new ContentFormatException($"{path}: a scheduled post needs a date.");

        DateOnly? lastReviewed = null;
        if (!string.IsNullOrWhiteSpace(yaml.LastReviewed))
        {
            if (!DateOnly.TryParseExact(yaml.LastReviewed.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reviewed))
                throw new ContentFormatException($"{path}: last_reviewed '{yaml.LastReviewed}' is not a date like 2026-03-03.");
            lastReviewed = reviewed;
        }
        var reviewedBy = Blank(yaml.ReviewedBy);
        if ((reviewedBy is null) != (lastReviewed is null))
            throw new ContentFormatException($"{path}: reviewed_by and last_reviewed go together: give both or neither.");

        return new PostFile(
            title, slug, date, status, Blank(yaml.Excerpt ?? yaml.Summary),
            (yaml.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToArray(),
            Blank(yaml.Category ?? yaml.Categories?.FirstOrDefault()), Blank(yaml.Author),
            Blank(yaml.Image), Blank(yaml.ImageAlt), Blank(yaml.SeoTitle), Blank(yaml.SeoDescription),
            Blank(yaml.SocialImage), Blank(yaml.CanonicalUrl), body)
        {
            ReviewedBy = reviewedBy, LastReviewed = lastReviewed, Featured = yaml.Featured == true,
        };
    }

    public static string Write(PostFile post)
    {
        var yaml = new PostYaml
        {
            Title = post.Title,
            Slug = post.Slug,
            Date = post.Date?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            Status = post.Status,
            Excerpt = post.Excerpt,
            Tags = post.Tags.Count > 0 ? [.. post.Tags] : null,
            Category = post.Category,
            Author = post.Author,
            Image = post.Image,
            ImageAlt = post.ImageAlt,
            SeoTitle = post.SeoTitle,
            SeoDescription = post.SeoDescription,
            SocialImage = post.SocialImage,
            CanonicalUrl = post.CanonicalUrl,
            ReviewedBy = post.ReviewedBy,
            LastReviewed = post.LastReviewed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Featured = post.Featured ? true : null,
        };
        var text = new StringBuilder("---\n");
        text.Append(YamlFiles.Writer.Serialize(yaml).ReplaceLineEndings("\n"));
        text.Append("---\n\n");
        text.Append(post.Body.ReplaceLineEndings("\n").Trim('\n'));
        text.Append('\n');
        return text.ToString();
    }

    // Every line ending that ReplaceLineEndings rewrites, besides '\n' itself; and the same in UTF-8.
    private static readonly System.Buffers.SearchValues<char> OtherLineEndings = System.Buffers.SearchValues.Create("\r\f\u0085\u2028\u2029");

    private static bool HasOtherLineEndings(ReadOnlySpan<byte> utf8) =>
        utf8.IndexOfAny((byte)'\r', (byte)'\f') >= 0 || utf8.IndexOf("\u0085"u8) >= 0 || utf8.IndexOf("\u2028"u8) >= 0
        || utf8.IndexOf("\u2029"u8) >= 0;

    /// <returns>The text with '\n' line endings, its front matter, and where the body is in it (without blank lines around it).</returns>
    private static (string Text, string FrontMatter, Range Body) Split(string path, string text)
    {
        // Most files already use '\n' alone: they are not copied just to find that out.
        if (text.AsSpan().ContainsAny(OtherLineEndings)) text = text.ReplaceLineEndings("\n");
        var (frontMatter, body) = Locate(path, text);
        return (text, text[frontMatter], body);
    }

    /// <summary>Where the front matter and the body are in text with '\n' line endings, or what is wrong with it.</summary>
    private static (Range FrontMatter, Range Body) Locate(string path, ReadOnlySpan<char> text) =>
        Locate(text, text.StartsWith("\uFEFF", StringComparison.Ordinal) ? 1 : 0, "---\n", "\n---", '\n') switch
        {
            (Shape.Found, var frontMatter, var body) => (frontMatter, body),
            (Shape.NoOpening, _, _) => throw new ContentFormatException($"{path}: a post starts with front matter between '---' lines."),
            _ => throw new ContentFormatException($"{path}: the front matter has no closing '---' line."),
        };

    private enum Shape { Found, NoOpening, NoClosing }

    // One way to find the parts, for characters and for UTF-8 bytes alike: the front matter between the opening
    // line and the next line that starts with "---"; the body after that line, without blank lines around it.
    private static (Shape, Range FrontMatter, Range Body) Locate<T>(ReadOnlySpan<T> text, int start, ReadOnlySpan<T> opening,
        ReadOnlySpan<T> closing, T newLine) where T : IEquatable<T>
    {
        if (!text[start..].StartsWith(opening)) return (Shape.NoOpening, default, default);
        var end = text[(start + opening.Length - 1)..].IndexOf(closing);
        if (end < 0) return (Shape.NoClosing, default, default);
        end += start + opening.Length - 1;
        var frontMatter = (start + opening.Length)..end;
        var lineEnd = text[(end + closing.Length)..].IndexOf(newLine);
        if (lineEnd < 0) return (Shape.Found, frontMatter, text.Length..text.Length);
        var first = end + closing.Length + lineEnd + 1;
        while (first < text.Length && text[first].Equals(newLine)) first++;
        var last = text.Length;
        while (last > first && text[last - 1].Equals(newLine)) last--;
        return (Shape.Found, frontMatter, first..last);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
