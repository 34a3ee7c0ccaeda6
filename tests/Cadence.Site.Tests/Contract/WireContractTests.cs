using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Cadence.Cms.Content;
using Cadence.Cms.Data;
using Cadence.Cms.Delivery;
using Cadence.Site.Source;
using Cadence.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Site.Tests.Contract;

/// <summary>
/// The CMS writes the delivery API with its records (Delivery/DeliveryModels.cs) and the site reads it with its own
/// (Source/ApiRecords.cs): the CMS's are strict and documented, the site's tolerate older CMSes and are also built
/// from a content folder. These tests bind the two, so a field added on one side and not the other fails here
/// rather than vanishing silently from a built site.
/// </summary>
public class WireContractTests
{
    private static CmsServer _cms = null!;
    private static HttpClient _api = null!;

    [OneTimeSetUp]
    public static async Task Start()
    {
        _cms = await CmsServer.StartAsync();
        _api = _cms.Client(_cms.ContentKey);
        // The starter content has no renamed post; one old slug makes the redirects list non-empty.
        await using var scope = _cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        var post = await db.Posts.SingleAsync(p => p.Slug == "shin-splints");
        db.SlugRedirects.Add(new SlugRedirect { FromSlug = "shin-pain", PostId = post.Id });
        await db.SaveChangesAsync();
    }

    [OneTimeTearDown]
    public static async Task Stop()
    {
        _api.Dispose();
        await _cms.DisposeAsync();
    }

    private static IEnumerable<TestCaseData> Endpoints()
    {
        yield return Case("api/v1/site", ApiJson.Default.ApiSite);
        yield return Case("api/v1/posts", ApiJson.Default.ApiPostPage);
        yield return Case("api/v1/posts?include=body&limit=100&page=1", ApiJson.Default.ApiPostPage);
        yield return Case("api/v1/posts/knee-pain-when-running", ApiJson.Default.ApiPost);
        yield return Case("api/v1/pages", ApiJson.Default.ApiPageList);
        yield return Case("api/v1/pages?include=body&limit=100&page=1", ApiJson.Default.ApiPageList);
        yield return Case("api/v1/pages/contact", ApiJson.Default.ApiPage);
        yield return Case("api/v1/tags", ApiJson.Default.ApiListApiTerm);
        yield return Case("api/v1/categories", ApiJson.Default.ApiListApiTerm);
        yield return Case("api/v1/authors", ApiJson.Default.ApiListApiAuthor);
        yield return Case("api/v1/forms", ApiJson.Default.ApiListApiForm);
        yield return Case("api/v1/redirects", ApiJson.Default.ApiListApiRedirect);
        yield return Case("api/v1/images", ApiJson.Default.ApiListApiMediaImage);
        yield return Case("api/v1/changes", ApiJson.Default.ApiChanges);
        yield return Case("api/v1/changes?since=0", ApiJson.Default.ApiChanges);
    }

    private static TestCaseData Case<T>(string path, JsonTypeInfo<T> siteType) =>
        new TestCaseData(path, (Func<string, string>)(json => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, siteType)!, siteType)))
            .SetArgDisplayNames(path);

    [TestCaseSource(nameof(Endpoints))]
    public async Task The_site_keeps_everything_the_cms_sends(string path, Func<string, string> throughTheSite)
    {
        var sent = await _api.GetStringAsync(path);
        var sentTree = JsonNode.Parse(sent);
        Assert.That(sentTree!.ToJsonString(), Has.Length.GreaterThan(20), "the CMS answered with content");
        Assert.That(JsonTrees.Lost(sentTree, JsonNode.Parse(throughTheSite(sent))), Is.Empty);
    }

    [Test]
    public async Task A_field_the_site_does_not_know_is_reported_as_lost()
    {
        var sent = JsonNode.Parse(await _api.GetStringAsync("api/v1/posts/knee-pain-when-running"))!.AsObject();
        sent["image"]!["focalPoint"] = "50% 30%";
        sent["canonical"] = null;
        var kept = JsonSerializer.Serialize(JsonSerializer.Deserialize(sent.ToJsonString(), ApiJson.Default.ApiPost)!, ApiJson.Default.ApiPost);

        Assert.That(JsonTrees.Lost(sent, JsonNode.Parse(kept)), Is.EquivalentTo(new[] { "$.image.focalPoint is missing", "$.canonical is missing" }));
    }

    private static IEnumerable<TestCaseData> RecordPairs()
    {
        yield return Pair<SiteDto, ApiSite>();
        yield return Pair<PostPageDto, ApiPostPage>();
        yield return Pair<PostDto, ApiPost>();
        yield return Pair<PageListDto, ApiPageList>();
        yield return Pair<PageDto, ApiPage>();
        yield return Pair<ItemsDto<TermCountDto>, ApiList<ApiTerm>>();
        yield return Pair<ItemsDto<AuthorDto>, ApiList<ApiAuthor>>();
        yield return Pair<ItemsDto<FormDto>, ApiList<ApiForm>>();
        yield return Pair<ItemsDto<RedirectDto>, ApiList<ApiRedirect>>();
        yield return Pair<ChangesDto, ApiChanges>();
    }

    private static TestCaseData Pair<TCms, TSite>() => new TestCaseData(typeof(TCms), typeof(TSite)).SetArgDisplayNames(typeof(TSite).Name);

    /// <summary>Also the fields no test content fills in: every property of every record the CMS can send, at any depth.</summary>
    [TestCaseSource(nameof(RecordPairs))]
    public void Every_property_of_the_cms_records_has_a_site_property_of_the_same_type(Type cms, Type site)
    {
        var missing = new List<string>();
        Bind(DeliveryJson.Default.Options.GetTypeInfo(cms), ApiJson.Default.Options.GetTypeInfo(site), "$", missing);
        Assert.That(missing, Is.Empty);
    }

    private static void Bind(JsonTypeInfo cms, JsonTypeInfo site, string path, List<string> missing)
    {
        if (cms.Kind != site.Kind) { missing.Add($"{path} is {site.Type.Name} instead of {cms.Type.Name}"); return; }
        switch (cms.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var property in cms.Properties)
                {
                    var match = site.Properties.FirstOrDefault(p => p.Name == property.Name);
                    if (match is null) missing.Add($"{path}.{property.Name} is missing");
                    else Bind(TypeInfo(DeliveryJson.Default, property.PropertyType), TypeInfo(ApiJson.Default, match.PropertyType), $"{path}.{property.Name}", missing);
                }
                break;
            case JsonTypeInfoKind.Enumerable:
                Bind(TypeInfo(DeliveryJson.Default, cms.ElementType!), TypeInfo(ApiJson.Default, site.ElementType!), $"{path}[]", missing);
                break;
            default:
                // The site may accept null where the CMS always sends a value (older CMSes, content folders), never another type.
                if ((Nullable.GetUnderlyingType(cms.Type) ?? cms.Type) != (Nullable.GetUnderlyingType(site.Type) ?? site.Type))
                    missing.Add($"{path} is {site.Type.Name} instead of {cms.Type.Name}");
                break;
        }
    }

    private static JsonTypeInfo TypeInfo(System.Text.Json.Serialization.JsonSerializerContext context, Type type) =>
        context.Options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
}
