using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Cadence.Testing;

/// <summary>
/// The CMS's own OpenAPI document as a checker of answers: for a request's method and path it finds the operation,
/// and says what is wrong when the status is not one the operation documents or the JSON body does not match the
/// schema documented for that status and media type. OpenAPI 3.1 schemas are JSON Schema 2020-12, so the document
/// is registered whole and each answer is checked against a <c>$ref</c> into it.
/// </summary>
public sealed class ApiContract
{
    private readonly JsonElement _paths;
    private readonly List<(Regex Pattern, string Template)> _templates;
    private readonly BuildOptions _build;
    private readonly Uri _documentUri = new($"https://contract.cadence.test/{Guid.NewGuid():N}/openapi.json");
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    public ApiContract(string openApiJson)
    {
        var root = JsonDocument.Parse(openApiJson).RootElement.Clone();
        _paths = root.GetProperty("paths");
        _templates = _paths.EnumerateObject()
            .Select(p => (new Regex("^" + Regex.Replace(Regex.Escape(p.Name), @"\\\{[^/]+?\}", "[^/]+") + "$"), p.Name)).ToList();
        var registry = new SchemaRegistry();
        registry.Register(_documentUri, new JsonElementBaseDocument(root, _documentUri));
        _build = new BuildOptions { SchemaRegistry = registry };
    }

    /// <summary>Whether the document describes this path at all (the manager's pages, for one, it does not).</summary>
    public bool Describes(string path) => Template(path) is not null;

    /// <returns>What is wrong with the answer, one line each; empty when it keeps the contract.</returns>
    public IReadOnlyList<string> Check(HttpMethod method, string path, int status, string? mediaType, string body)
    {
        var where = $"{method} {path} → {status}";
        var template = Template(path);
        if (template is null) return [$"{where}: the path is not in the OpenAPI document"];
        if (!_paths.GetProperty(template).TryGetProperty(method.Method.ToLowerInvariant(), out var operation))
            return [$"{where}: the method is not in the OpenAPI document"];
        var statusText = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.GetProperty("responses").TryGetProperty(statusText, out var response))
            return [$"{where}: the status is not documented for {method} {template}"];
        if (body.Length == 0) return [];
        if (!response.TryGetProperty("content", out var content))
            return [$"{where}: a body was sent where the document declares none"];
        if (mediaType is null || !content.TryGetProperty(mediaType, out var media))
            return [$"{where}: the media type '{mediaType}' is not documented (documented: {string.Join(", ", content.EnumerateObject().Select(c => c.Name))})"];
        if (!media.TryGetProperty("schema", out _) || !mediaType.Contains("json", StringComparison.Ordinal)) return [];

        var pointer = "#/paths/" + Escape(template) + "/" + method.Method.ToLowerInvariant() + "/responses/" + statusText + "/content/" + Escape(mediaType) + "/schema";
        var schema = _schemas.GetOrAdd(pointer, p => JsonSchema.FromText($$"""{ "$ref": "{{_documentUri}}{{p}}" }""", _build));
        using var instance = JsonDocument.Parse(body);
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{where}: at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Value}"))
            .DefaultIfEmpty($"{where}: the body does not match the documented schema")
            .ToList();
    }

    private string? Template(string path) => _templates.FirstOrDefault(t => t.Pattern.IsMatch(path)).Template;

    /// <summary>A JSON Pointer token, percent-encoded for a URI fragment (paths hold braces, media types a plus).</summary>
    private static string Escape(string token) =>
        Uri.EscapeDataString(token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
}
