using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cadence.Cms.Tests.Delivery;

/// <summary>
/// The OpenAPI document is complete and exact: every operation is named and secured as the CMS really checks keys,
/// and the checker every <see cref="CmsServer.Client"/> uses does catch an answer that breaks it.
/// </summary>
public class OpenApiContractTests
{
    private CmsServer _cms = null!;
    private JsonNode _document = null!;
    private ApiContract _contract = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _cms = await CmsServer.StartAsync();
        var text = await _cms.Client().GetStringAsync("openapi/v1.json");
        _document = JsonNode.Parse(text)!;
        _contract = new ApiContract(text);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    private IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        _document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => (p.Key, m.Key, m.Value!.AsObject())));

    [Test]
    public void Every_operation_has_its_own_operation_id()
    {
        var ids = Operations().Select(o => (string?)o.Operation["operationId"]).ToList();
        Assert.That(ids, Has.Count.GreaterThan(12).And.None.Null);
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void Every_delivery_operation_needs_the_bearer_key_and_documents_conditional_gets()
    {
        var scheme = _document["components"]!["securitySchemes"]![Cadence.Cms.Delivery.DeliveryOpenApi.KeyScheme]!;
        Assert.That((string?)scheme["type"], Is.EqualTo("http"));
        Assert.That((string?)scheme["scheme"], Is.EqualTo("bearer"));
        foreach (var (path, _, operation) in Operations().Where(o => o.Path.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            Assert.That(operation["security"]?.ToJsonString(), Is.EqualTo("""[{"deliveryKey":[]}]"""), path);
            Assert.That(operation["responses"]!["304"]?["headers"]?["ETag"], Is.Not.Null, path);
            Assert.That(operation["responses"]!["200"]?["headers"]?["ETag"], Is.Not.Null, path);
            Assert.That(operation["parameters"]!.AsArray().Select(p => (string?)p!["name"]), Does.Contain("If-None-Match"), path);
        }
        foreach (var (path, _, operation) in Operations().Where(o => !o.Path.StartsWith("/api/v1/", StringComparison.Ordinal)))
            Assert.That(operation["security"], Is.Null, $"{path} needs no key");
    }

    [Test]
    public void The_post_list_declares_its_query_and_numbers_are_integers_only()
    {
        var parameters = _document["paths"]!["/api/v1/posts"]!["get"]!["parameters"]!.AsArray();
        var byName = parameters.ToDictionary(p => (string)p!["name"]!, p => p!["schema"]!);
        Assert.That(byName.Keys, Is.SupersetOf(new[] { "page", "limit", "tag", "category", "author", "order", "include", "status" }));
        Assert.That((int?)byName["limit"]["maximum"], Is.EqualTo(100));
        Assert.That(byName["order"]["enum"]!.AsArray().Select(v => (string?)v), Does.Contain("title-asc"));
        var pagination = _document["components"]!["schemas"]!["PaginationDto"]!["properties"]!;
        Assert.That(pagination["page"]!["type"]!.ToJsonString(), Is.EqualTo("\"integer\""));
        Assert.That(_document.ToJsonString(), Does.Not.Contain("\"integer\",\"string\""), "no number is typed integer-or-string");
        Assert.That(_document["components"]!["schemas"]!["PostDto"]!["properties"]!["status"]!["enum"]!.AsArray(), Has.Count.EqualTo(3));
    }

    [Test]
    public void The_form_submission_declares_urlencoded_multipart_and_json_bodies()
    {
        var content = _document["paths"]!["/forms/{key}"]!["post"]!["requestBody"]!["content"]!.AsObject();
        Assert.That(content.Select(c => c.Key), Is.EquivalentTo(new[] { "application/x-www-form-urlencoded", "multipart/form-data", "application/json" }));
    }

    [Test]
    public async Task A_real_answer_keeps_the_contract_and_a_wrong_one_is_caught()
    {
        using var api = _cms.Client(_cms.ContentKey);
        var real = await api.GetStringAsync("api/v1/posts?limit=2");
        Assert.That(_contract.Check(HttpMethod.Get, "/api/v1/posts", 200, "application/json", real), Is.Empty);

        var wrong = JsonNode.Parse(real)!;
        wrong["pagination"]!["page"] = "1";
        wrong["items"]![0]!["status"] = "secret";
        wrong["items"]![0]!.AsObject().Remove("slug");
        var violations = _contract.Check(HttpMethod.Get, "/api/v1/posts", 200, "application/json", wrong.ToJsonString());
        Assert.That(violations, Has.Some.Contain("/pagination/page"));
        Assert.That(violations, Has.Some.Contain("/items/0/status"));
        Assert.That(violations, Has.Some.Contain("slug"));

        Assert.That(_contract.Check(HttpMethod.Get, "/api/v1/posts/knee", 418, "application/json", "{}"), Has.Some.Contain("not documented"));
        Assert.That(_contract.Check(HttpMethod.Get, "/api/v1/site", 200, "text/html", "<p>"), Has.Some.Contain("media type"));
    }

    [Test]
    public async Task The_client_of_every_cms_test_fails_on_an_answer_off_the_contract()
    {
        // The CMS answers 405 for a method its delivery routes do not have; the document has no such operation.
        using var api = _cms.Client(_cms.ContentKey);
        var error = Assert.ThrowsAsync<AssertionException>(() => api.DeleteAsync("api/v1/posts"));
        Assert.That(error!.Message, Does.Contain("DELETE /api/v1/posts"));
        using var fine = await api.GetAsync("api/v1/tags");
        Assert.That(fine.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
