using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Cadence.Markdown.Folder;

internal static class YamlFiles
{
    public static readonly IDeserializer Reader = new StaticDeserializerBuilder(new ContentYamlContext())
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static readonly ISerializer Writer = new StaticSerializerBuilder(new ContentYamlContext())
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .DisableAliases()
        .Build();

    public static T Read<T>(string path, string text)
    {
        try
        {
            return Reader.Deserialize<T>(text) ?? throw new ContentFormatException($"{path}: the file is empty.");
        }
        catch (YamlException e)
        {
            throw new ContentFormatException($"{path}:{e.Start.Line}: {Innermost(e).Message}", e);
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}

/// <summary>
/// The content files' shapes, (de)serialised by code generated at compile time instead of by reflection (so the site
/// also runs as a native executable). Public only because the generator declares its half of the class public.
/// </summary>
[YamlStaticContext]
[YamlSerializable(typeof(SiteYaml))]
[YamlSerializable(typeof(LinkYaml))]
[YamlSerializable(typeof(ClinicYaml))]
[YamlSerializable(typeof(AuthorYaml))]
[YamlSerializable(typeof(PostYaml))]
[YamlSerializable(typeof(FormYaml))]
[YamlSerializable(typeof(FieldYaml))]
public partial class ContentYamlContext : StaticContext;

// Mutable shapes YamlDotNet fills in; they are turned into the immutable records at once.

internal sealed class LinkYaml { public string? Label { get; set; } public string? Url { get; set; } }

internal sealed class SiteYaml
{
    public string? ClinicName { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? BaseUrl { get; set; }
    public string? TimeZone { get; set; }
    public string? Language { get; set; }
    public string? NotificationEmail { get; set; }
    public List<LinkYaml>? Navigation { get; set; }
    public List<LinkYaml>? Social { get; set; }
    public string? ThemeColour { get; set; }
    public string? Logo { get; set; }
    public string? Icon { get; set; }
    public ClinicYaml? Clinic { get; set; }
}

internal sealed class ClinicYaml
{
    public string? Street { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public string? Country { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>Lines as the manager edits them: "Monday | 08:00-18:00".</summary>
    public List<string>? OpeningHours { get; set; }
    public string? Registration { get; set; }
}

internal sealed class AuthorYaml
{
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string? Bio { get; set; }
    public string? Avatar { get; set; }
    public string? Credentials { get; set; }
}

internal sealed class PostYaml
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Date { get; set; }
    public string? Status { get; set; }
    public bool? Draft { get; set; }
    public string? Excerpt { get; set; }
    public string? Summary { get; set; }
    public List<string>? Tags { get; set; }
    public string? Category { get; set; }
    public List<string>? Categories { get; set; }
    public string? Author { get; set; }
    public string? Image { get; set; }
    public string? ImageAlt { get; set; }
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
    public string? SocialImage { get; set; }
    public string? CanonicalUrl { get; set; }
    public string? ReviewedBy { get; set; }
    public string? LastReviewed { get; set; }
    public bool? Featured { get; set; }
}

internal sealed class FieldYaml
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Label { get; set; }
    public bool Required { get; set; }
    public int? MaxLength { get; set; }
    public List<string>? Options { get; set; }
}

internal sealed class FormYaml
{
    public string? Key { get; set; }
    public string? Title { get; set; }
    public string? Intro { get; set; }
    public string? SubmitLabel { get; set; }
    public string? SuccessMessage { get; set; }
    public string? ThankYouPath { get; set; }
    public string? NotificationEmail { get; set; }
    public string? Asset { get; set; }
    public List<FieldYaml>? Fields { get; set; }
}
