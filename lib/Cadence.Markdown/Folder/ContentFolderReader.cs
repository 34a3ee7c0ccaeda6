using Cadence.Contract;

namespace Cadence.Markdown.Folder;

/// <summary>Reads a content folder: site.yml, authors.yml, posts/*.md, pages/*.md, forms/*.yml, media/ and assets/.</summary>
public static class ContentFolderReader
{
    /// <summary>
    /// The folder's good files; each bad one is left out whole and named in <see cref="ContentFolder.Problems"/>. Only a folder that is
    /// not a content folder at all throws.
    /// </summary>
    public static ContentFolder Load(string root)
    {
        var folder = LoadWithoutPosts(root);
        var postsFolder = Path.Combine(root, "posts");
        var postPaths = Directory.GetFiles(postsFolder, "*.md", SearchOption.AllDirectories);
        Array.Sort(postPaths, StringComparer.Ordinal);
        var read = new (PostFile? Post, string? Problem)[postPaths.Length];
        Parallel.For(0, postPaths.Length, i => read[i] = ContentProblems.Try(postPaths[i], () => PostFileFormat.Parse(postPaths[i], File.ReadAllText(postPaths[i]))));

        var problems = new List<string>(folder.Problems);
        var posts = new List<PostFile>(postPaths.Length);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var pageSlugs = folder.Pages.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < read.Length; i++)
        {
            if (read[i].Problem is { } problem) problems.Add(problem);
            else if (read[i].Post is not { } post) continue;
            else if (!slugs.Add(post.Slug)) problems.Add($"{postPaths[i]}: another post already has the slug '{post.Slug}'.");
            else if (pageSlugs.Contains(post.Slug)) problems.Add($"{postPaths[i]}: the page '{post.Slug}' has this slug; a slug belongs to one of them.");
            else posts.Add(post);
        }
        return folder with { Posts = posts, Problems = problems };
    }

    /// <summary>Everything but the posts, for a reader that decides itself which post files it must read again.</summary>
    public static ContentFolder LoadWithoutPosts(string root)
    {
        if (!Directory.Exists(root)) throw new ContentFormatException($"{root}: the content folder does not exist.");
        if (!Directory.Exists(Path.Combine(root, "posts"))) throw new ContentFormatException($"{root}: a content folder holds a posts/ folder.");
        var problems = new List<string>();
        var site = ContentProblems.Try(Path.Combine(root, "site.yml"), () => ReadSite(root, problems));
        var authors = ContentProblems.Try(Path.Combine(root, "authors.yml"), () => ReadAuthors(root, problems));
        var forms = ReadForms(root, problems);
        var pages = ReadPages(root, problems);
        if (site.Problem is { } siteProblem) problems.Insert(0, siteProblem);
        if (authors.Problem is { } authorsProblem) problems.Insert(site.Problem is null ? 0 : 1, authorsProblem);
        return new ContentFolder(root, site.Value, authors.Value ?? [], [], forms, ReadFiles(root)) { Pages = pages, Problems = problems };
    }

    private static IReadOnlyList<PageFile> ReadPages(string root, List<string> problems)
    {
        var folder = Path.Combine(root, "pages");
        if (!Directory.Exists(folder)) return [];
        var paths = Directory.GetFiles(folder, "*.md");
        Array.Sort(paths, StringComparer.Ordinal);
        var pages = new List<PageFile>();
        foreach (var path in paths)
        {
            var (page, problem) = ContentProblems.Try(path, () => PageFileFormat.Parse(path, File.ReadAllText(path)));
            if (problem is not null) problems.Add(problem);
            else if (pages.Any(p => p.Slug == page!.Slug)) problems.Add($"{path}: another page already has the slug '{page!.Slug}'.");
            else pages.Add(page!);
        }
        return pages;
    }

    private static SiteFile? ReadSite(string root, List<string> problems)
    {
        var path = Path.Combine(root, "site.yml");
        if (!File.Exists(path)) return null;
        var yaml = YamlFiles.Read<SiteYaml>(path, File.ReadAllText(path));
        return new SiteFile(
            yaml.ClinicName ?? yaml.Title ?? "", yaml.Title ?? yaml.ClinicName ?? "", yaml.Description ?? "",
            yaml.BaseUrl ?? "", yaml.TimeZone ?? "UTC", string.IsNullOrWhiteSpace(yaml.Language) ? LanguageTag.Default : yaml.Language.Trim(), yaml.NotificationEmail,
            Links(path, "navigation", yaml.Navigation, problems), Links(path, "social", yaml.Social, problems))
        {
            ThemeColour = ContentProblems.Try(path, () => Colour(path, yaml.ThemeColour), problems) ?? BrandColour.Default,
            Logo = Blank(yaml.Logo), Icon = Blank(yaml.Icon),
            Clinic = ContentProblems.Try(path, () => Clinic(path, yaml.Clinic), problems) ?? ClinicDetails.Empty,
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

    /// <summary>The links with a label and a safe address (<see cref="SafeUrl"/>); each other one is named in a problem.</summary>
    private static List<LinkFile> Links(string path, string list, List<LinkYaml>? links, List<string> problems)
    {
        var kept = new List<LinkFile>();
        foreach (var link in links ?? [])
        {
            if (string.IsNullOrWhiteSpace(link.Label) || string.IsNullOrWhiteSpace(link.Url))
                problems.Add($"{path}: a {list} link needs a label and a url.");
            else if (!SafeUrl.IsAllowed(link.Url))
                problems.Add($"{path}: {list} link '{link.Label}' has the address '{link.Url}'; use http(s), mailto:, tel: or a path.");
            else kept.Add(new LinkFile(link.Label.Trim(), link.Url.Trim()));
        }
        return kept;
    }

    private static IReadOnlyList<AuthorFile> ReadAuthors(string root, List<string> problems)
    {
        var path = Path.Combine(root, "authors.yml");
        if (!File.Exists(path)) return [];
        var authors = new List<AuthorFile>();
        foreach (var a in YamlFiles.Read<List<AuthorYaml>>(path, File.ReadAllText(path)))
        {
            var slug = string.IsNullOrWhiteSpace(a?.Slug) ? Slug.From(a?.Name ?? "", "author") : a.Slug.Trim();
            if (a is null || string.IsNullOrWhiteSpace(a.Name)) problems.Add($"{path}: every author needs a name.");
            else if (!Slug.IsValid(slug)) problems.Add($"{path}: author '{a.Name}' has the slug '{slug}'; use lower-case letters, digits and hyphens.");
            else if (authors.Any(known => known.Slug == slug)) problems.Add($"{path}: two authors have the slug '{slug}'.");
            else if (a.Avatar is not null && !SafeUrl.IsAllowed(a.Avatar)) problems.Add($"{path}: author '{a.Name}' has the avatar '{a.Avatar}'; use a path or an http(s) address.");
            else authors.Add(new AuthorFile(slug, a.Name.Trim(), a.Bio, a.Avatar)
            {
                Credentials = string.IsNullOrWhiteSpace(a.Credentials) ? null : a.Credentials.Trim(),
            });
        }
        return authors;
    }

    private static IReadOnlyList<FormFile> ReadForms(string root, List<string> problems)
    {
        var folder = Path.Combine(root, "forms");
        if (!Directory.Exists(folder)) return [];
        var paths = Directory.GetFiles(folder, "*.yml");
        Array.Sort(paths, StringComparer.Ordinal);
        var forms = new List<FormFile>();
        foreach (var path in paths)
        {
            var (form, problem) = ContentProblems.Try(path, () => ToForm(path, YamlFiles.Read<FormYaml>(path, File.ReadAllText(path))));
            if (problem is not null) problems.Add(problem);
            else if (forms.Any(f => f.Key == form!.Key)) problems.Add($"{path}: another form already has the key '{form!.Key}'.");
            else forms.Add(form!);
        }
        return forms;
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
