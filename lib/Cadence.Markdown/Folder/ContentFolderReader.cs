using Cadence.Contract;

namespace Cadence.Markdown.Folder;

/// <summary>Reads a content folder: site.yml, authors.yml, posts/*.md, pages/*.md, forms/*.yml, media/ and assets/.</summary>
public static class ContentFolderReader
{
    public static ContentFolder Load(string root)
    {
        var folder = LoadWithoutPosts(root);
        var postsFolder = Path.Combine(root, "posts");
        var postPaths = Directory.GetFiles(postsFolder, "*.md", SearchOption.AllDirectories);
        Array.Sort(postPaths, StringComparer.Ordinal);
        var posts = new PostFile[postPaths.Length];
        Parallel.For(0, postPaths.Length, i => posts[i] = PostFileFormat.Parse(postPaths[i], File.ReadAllText(postPaths[i])));

        var duplicate = posts.GroupBy(p => p.Slug).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ContentFormatException($"{postsFolder}: two posts share the slug '{duplicate.Key}'.");

        var clash = folder.Pages.FirstOrDefault(page => posts.Any(p => p.Slug == page.Slug));
        if (clash is not null) throw new ContentFormatException($"{root}: the page and the post '{clash.Slug}' share a slug; a slug belongs to one of them.");

        return folder with { Posts = posts };
    }

    /// <summary>Everything but the posts, for a reader that decides itself which post files it must read again.</summary>
    public static ContentFolder LoadWithoutPosts(string root)
    {
        if (!Directory.Exists(root)) throw new ContentFormatException($"{root}: the content folder does not exist.");
        if (!Directory.Exists(Path.Combine(root, "posts"))) throw new ContentFormatException($"{root}: a content folder holds a posts/ folder.");
        return new ContentFolder(root, ReadSite(root), ReadAuthors(root), [], ReadForms(root), ReadFiles(root)) { Pages = ReadPages(root) };
    }

    private static IReadOnlyList<PageFile> ReadPages(string root)
    {
        var folder = Path.Combine(root, "pages");
        if (!Directory.Exists(folder)) return [];
        var paths = Directory.GetFiles(folder, "*.md");
        Array.Sort(paths, StringComparer.Ordinal);
        var pages = paths.Select(path => PageFileFormat.Parse(path, File.ReadAllText(path))).ToList();
        var duplicate = pages.GroupBy(p => p.Slug).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ContentFormatException($"{folder}: two pages share the slug '{duplicate.Key}'.");
        return pages;
    }

    private static SiteFile? ReadSite(string root)
    {
        var path = Path.Combine(root, "site.yml");
        if (!File.Exists(path)) return null;
        var yaml = YamlFiles.Read<SiteYaml>(path, File.ReadAllText(path));
        return new SiteFile(
            yaml.ClinicName ?? yaml.Title ?? "", yaml.Title ?? yaml.ClinicName ?? "", yaml.Description ?? "",
            yaml.BaseUrl ?? "", yaml.TimeZone ?? "UTC", string.IsNullOrWhiteSpace(yaml.Language) ? LanguageTag.Default : yaml.Language.Trim(), yaml.NotificationEmail,
            Links(yaml.Navigation), Links(yaml.Social))
        {
            ThemeColour = Colour(path, yaml.ThemeColour), Logo = Blank(yaml.Logo), Icon = Blank(yaml.Icon), Clinic = Clinic(path, yaml.Clinic),
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Colour(string path, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return BrandColour.Default;
        return BrandColour.Problem(text) is { } problem ? throw new ContentFormatException($"{path}: theme_colour '{text}': {problem}") : BrandColour.Normalise(text)!;
    }

    private static ClinicDetails Clinic(string path, ClinicYaml? yaml)
    {
        if (yaml is null) return ClinicDetails.Empty;
        var hours = OpeningHours.Parse(string.Join("\n", yaml.OpeningHours ?? []), out var problem);
        if (problem is not null) throw new ContentFormatException($"{path}: clinic.opening_hours: {problem}");
        return new ClinicDetails(Blank(yaml.Street), Blank(yaml.Town), Blank(yaml.Postcode), Blank(yaml.Country), Blank(yaml.Phone), Blank(yaml.Email), hours, Blank(yaml.Registration));
    }

    private static List<LinkFile> Links(List<LinkYaml>? links) =>
        (links ?? []).Where(l => l.Label is not null && l.Url is not null).Select(l => new LinkFile(l.Label!, l.Url!)).ToList();

    private static IReadOnlyList<AuthorFile> ReadAuthors(string root)
    {
        var path = Path.Combine(root, "authors.yml");
        if (!File.Exists(path)) return [];
        var authors = YamlFiles.Read<List<AuthorYaml>>(path, File.ReadAllText(path));
        return authors.Select(a =>
        {
            if (string.IsNullOrWhiteSpace(a.Name)) throw new ContentFormatException($"{path}: every author needs a name.");
            return new AuthorFile(string.IsNullOrWhiteSpace(a.Slug) ? Slug.From(a.Name) : a.Slug, a.Name, a.Bio, a.Avatar)
            {
                Credentials = string.IsNullOrWhiteSpace(a.Credentials) ? null : a.Credentials.Trim(),
            };
        }).ToList();
    }

    private static IReadOnlyList<FormFile> ReadForms(string root)
    {
        var folder = Path.Combine(root, "forms");
        if (!Directory.Exists(folder)) return [];
        var paths = Directory.GetFiles(folder, "*.yml");
        Array.Sort(paths, StringComparer.Ordinal);
        return paths.Select(path => ToForm(path, YamlFiles.Read<FormYaml>(path, File.ReadAllText(path)))).ToList();
    }

    private static FormFile ToForm(string path, FormYaml yaml)
    {
        var key = yaml.Key ?? Path.GetFileNameWithoutExtension(path);
        if (!Slug.IsValid(key)) throw new ContentFormatException($"{path}: form key '{key}' must be lower-case letters, digits and hyphens.");
        var fields = (yaml.Fields ?? []).Select(f =>
        {
            if (string.IsNullOrWhiteSpace(f.Name)) throw new ContentFormatException($"{path}: every field needs a name.");
            var type = (f.Type ?? FormFieldTypes.Text).ToLowerInvariant();
            if (!FormFieldTypes.All.Contains(type))
                throw new ContentFormatException($"{path}: field '{f.Name}' has type '{type}'; use one of {string.Join(", ", FormFieldTypes.All)}.");
            return new FormFieldFile(f.Name, type, f.Label ?? f.Name, f.Required, f.MaxLength, f.Options ?? []);
        }).ToList();
        return new FormFile(key, yaml.Title ?? key, yaml.Intro, yaml.SubmitLabel ?? "Send", yaml.SuccessMessage ?? "Thank you.",
            yaml.ThankYouPath, yaml.NotificationEmail, yaml.Asset, fields);
    }

    private static IReadOnlyList<BinaryFile> ReadFiles(string root)
    {
        var files = new List<BinaryFile>();
        foreach (var (folder, isPublic) in new[] { ("media", true), ("assets", false) })
        {
            var path = Path.Combine(root, folder);
            if (!Directory.Exists(path)) continue;
            var names = Directory.GetFiles(path);
            Array.Sort(names, StringComparer.Ordinal);
            files.AddRange(names.Select(f => new BinaryFile($"/{folder}/{Path.GetFileName(f)}", f, isPublic)));
        }
        return files;
    }
}
