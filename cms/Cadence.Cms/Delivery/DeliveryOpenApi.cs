using System.Globalization;
using System.Text.Json.Nodes;
using Cadence.Cms.Content;
using Cadence.Contract;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cadence.Cms.Delivery;

/// <summary>
/// Completes the OpenAPI document with what the endpoints' signatures cannot say: the key every delivery call sends
/// (<c>Authorization: Bearer</c>), the query parameters the handlers read and check themselves, conditional GETs,
/// the form body and the closed sets of values. Tests validate every answer against this document, so it stays exact.
/// </summary>
public static class DeliveryOpenApi
{
    public const string KeyScheme = "deliveryKey";
    private const string ApiPrefix = "/api/v1/";

    public static OpenApiOptions DescribeDelivery(this OpenApiOptions options)
    {
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(PostDto) || type == typeof(PageDto)) Closed(schema, "status", Enum.GetNames<PostStatus>().Select(s => s.ToLowerInvariant()));
            if (type == typeof(FormFieldDto)) Closed(schema, "type", FormFieldTypes.All);
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Cadence delivery API";
            document.Info.Description = Intro;
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[KeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The content key (published content) or the preview key (also drafts and scheduled posts), sent as `Authorization: Bearer <key>`.",
            };
            foreach (var (path, item) in document.Paths)
                foreach (var (method, operation) in item.Operations ?? [])
                {
                    if (path.StartsWith(ApiPrefix, StringComparison.Ordinal)) DescribeRead(document, path, operation);
                    if (path == "/forms/{key}" && method == HttpMethod.Post) operation.RequestBody = FormBody();
                }
            return Task.CompletedTask;
        });
        return options;
    }

    private const string Intro =
        "Read-only JSON for the clinic's site and other front ends: posts, pages, tags, categories, authors, forms, images, " +
        "redirects and a changes feed for incremental builds. Every `/api/v1` call carries a key as `Authorization: Bearer <key>`. " +
        "Answers carry a strong `ETag`; send it back as `If-None-Match` to get `304 Not Modified`. Errors are RFC 9457 problem+json. " +
        "Forms post to `/forms/{key}` without a key.";

    private static void DescribeRead(OpenApiDocument document, string path, OpenApiOperation operation)
    {
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, document)] = [] }];
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match", In = ParameterLocation.Header, Schema = Text(),
            Description = "An ETag from an earlier answer: 304 Not Modified when it still matches.",
        });
        var etag = new OpenApiHeader { Description = "A strong tag made from the answer's bytes.", Schema = Text() };
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse okResponse)
            (okResponse.Headers ??= new Dictionary<string, IOpenApiHeader>())["ETag"] = etag;
        operation.Responses ??= [];
        operation.Responses["304"] = new OpenApiResponse
        {
            Description = "Not Modified: the If-None-Match tag still matches.",
            Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = etag },
        };

        if (path is "/api/v1/posts" or "/api/v1/pages") AddListQuery(operation, path == "/api/v1/posts");
        if (path == "/api/v1/changes")
        {
            operation.Parameters.Remove(operation.Parameters.First(p => p.Name == "limit"));
            operation.Parameters.Add(Query("limit", Whole(1, ChangesEndpoint.MaxLimit, ChangesEndpoint.DefaultLimit), "Changes (or posts of a full listing) per page."));
            if (operation.Parameters.FirstOrDefault(p => p.Name == "since") is OpenApiParameter since)
                since.Description = "A cursor or `next` from an earlier answer; without it, everything live now.";
        }
    }

    private static void AddListQuery(OpenApiOperation operation, bool posts)
    {
        var list = operation.Parameters!;
        list.Add(Query("page", Whole(1, null, 1), "The page, from 1; past the end answers no items."));
        list.Add(Query("limit", Whole(1, PostQuery.MaxLimit, PostQuery.DefaultLimit), "Items per page."));
        if (posts)
        {
            list.Add(Query("tag", Text(), "A tag's slug; an unknown slug is 400."));
            list.Add(Query("category", Text(), "A category's slug; an unknown slug is 400."));
            list.Add(Query("author", Text(), "An author's slug; an unknown slug is 400."));
        }
        list.Add(Query("order", OneOf(PostQuery.Orders), "The order; published-desc when absent."));
        list.Add(Query("include", OneOf(["body"]), "body: add each item's Markdown body."));
        list.Add(Query("status", OneOf(["published", "draft", "scheduled", "all"]), "Preview key only (400 with the content key)."));
    }

    /// <summary>Field names are the form's own (from <c>GET /api/v1/forms</c>); values are text.</summary>
    private static OpenApiRequestBody FormBody()
    {
        var fields = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            AdditionalProperties = Text(),
            Description = "The form's fields by name (see GET /api/v1/forms), plus the site's `website` honeypot and `_started` time.",
        };
        var json = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Number | JsonSchemaType.Boolean | JsonSchemaType.Null },
            Description = "A flat object of the form's fields; numbers and booleans are taken as their text, null as absent.",
        };
        return new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/x-www-form-urlencoded"] = new() { Schema = fields },
                ["multipart/form-data"] = new() { Schema = fields },
                ["application/json"] = new() { Schema = json },
            },
        };
    }

    private static void Closed(OpenApiSchema schema, string property, IEnumerable<string> values)
    {
        if (schema.Properties?.TryGetValue(property, out var found) == true && found is OpenApiSchema target)
            target.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
    }

    private static OpenApiParameter Query(string name, OpenApiSchema schema, string description) =>
        new() { Name = name, In = ParameterLocation.Query, Schema = schema, Description = description };

    private static OpenApiSchema Text() => new() { Type = JsonSchemaType.String };

    private static OpenApiSchema OneOf(IEnumerable<string> values) =>
        new() { Type = JsonSchemaType.String, Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList() };

    private static OpenApiSchema Whole(int min, int? max, int fallback) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = min.ToString(CultureInfo.InvariantCulture),
        Maximum = max?.ToString(CultureInfo.InvariantCulture),
        Default = JsonValue.Create(fallback),
    };
}
