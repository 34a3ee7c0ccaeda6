using Cadence.Contract;
namespace Cadence.Markdown.Folder;

/// <summary>Writes a content folder in the format <see cref="ContentFolderReader"/> reads.</summary>
public static class ContentFolderWriter
{
    public static void Write(string root, SiteFile? site, IEnumerable<AuthorFile> authors, IEnumerable<PostFile> posts,
        IEnumerable<FormFile> forms, IEnumerable<PageFile>? pages = null)
    {
        Directory.CreateDirectory(Path.Combine(root, "posts"));
        Directory.CreateDirectory(Path.Combine(root, "forms"));
        if (site is not null) WriteYaml(Path.Combine(root, "site.yml"), ToYaml(site));

        var authorList = authors.Select(a => new AuthorYaml { Slug = a.Slug, Name = a.Name, Bio = a.Bio, Avatar = a.Avatar, Credentials = a.Credentials }).ToList();
        if (authorList.Count > 0) WriteYaml(Path.Combine(root, "authors.yml"), authorList);

        foreach (var post in posts)
            File.WriteAllText(Path.Combine(root, "posts", post.Slug + ".md"), PostFileFormat.Write(post));
        var pageList = (pages ?? []).ToList();
        if (pageList.Count > 0) Directory.CreateDirectory(Path.Combine(root, "pages"));
        foreach (var page in pageList)
            File.WriteAllText(Path.Combine(root, "pages", page.Slug + ".md"), PageFileFormat.Write(page));
        foreach (var form in forms)
            WriteYaml(Path.Combine(root, "forms", form.Key + ".yml"), ToYaml(form));
    }

    private static void WriteYaml(string path, object value) =>
        File.WriteAllText(path, YamlFiles.Writer.Serialize(value).ReplaceLineEndings("\n"));

    private static SiteYaml ToYaml(SiteFile site) => new()
    {
        ClinicName = site.ClinicName,
        Title = site.Title,
        Description = site.Description,
        BaseUrl = site.BaseUrl,
        TimeZone = site.TimeZone,
        Language = site.Language,
        NotificationEmail = site.NotificationEmail,
        Navigation = site.Navigation.Select(l => new LinkYaml { Label = l.Label, Url = l.Url }).ToList(),
        Social = site.Social.Select(l => new LinkYaml { Label = l.Label, Url = l.Url }).ToList(),
        ThemeColour = site.ThemeColour,
        Logo = site.Logo,
        Icon = site.Icon,
        Clinic = site.Clinic.IsEmpty ? null : new ClinicYaml
        {
            Street = site.Clinic.Street, Town = site.Clinic.Town, Postcode = site.Clinic.Postcode, Country = site.Clinic.Country,
            Phone = site.Clinic.Phone, Email = site.Clinic.Email, Registration = site.Clinic.Registration,
            OpeningHours = [.. site.Clinic.OpeningHours.Select(h => $"{h.Day} | {h.Opens}-{h.Closes}")],
        },
    };

    private static FormYaml ToYaml(FormFile form) => new()
    {
        Key = form.Key,
        Title = form.Title,
        Intro = form.Intro,
        SubmitLabel = form.SubmitLabel,
        SuccessMessage = form.SuccessMessage,
        ThankYouPath = form.ThankYouPath,
        NotificationEmail = form.NotificationEmail,
        Asset = form.Asset,
        Fields = form.Fields.Select(f => new FieldYaml
        {
            Name = f.Name, Type = f.Type, Label = f.Label, Required = f.Required, MaxLength = f.MaxLength,
            Options = f.Options.Count > 0 ? [.. f.Options] : null,
        }).ToList(),
    };
}
