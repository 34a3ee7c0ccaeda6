using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Cadence.Cms.Delivery;

namespace Cadence.Cms.Ghost;

/// <summary>
/// Which fields a response carries, from the query's <c>include</c>, <c>formats</c> and <c>fields</c>: as in Ghost,
/// related tags and authors come only when included, <c>html</c> is the default format, and <c>fields</c> keeps only
/// the fields it names (plus what was included).
/// </summary>
public sealed record GhostShape(IReadOnlySet<string>? Fields, IReadOnlySet<string> Include, IReadOnlySet<string> Formats)
{
    private static readonly (string Asked, string[] Fields)[] Optional =
    [
        ("tags", ["tags", "primary_tag"]), ("authors", ["authors", "primary_author"]), ("html", ["html"]), ("plaintext", ["plaintext"]),
    ];

    public bool Includes(string name) => Include.Contains(name);

    public bool WantsFormat(string format) => Formats.Contains(format);

    public JsonObject Apply(JsonObject item)
    {
        var included = new HashSet<string>(StringComparer.Ordinal) { "count" };
        foreach (var (asked, fields) in Optional)
        {
            if (Include.Contains(asked) || Formats.Contains(asked)) included.UnionWith(fields);
            else foreach (var field in fields) item.Remove(field);
        }
        if (Fields is not null)
            foreach (var name in item.Select(p => p.Key).Where(k => !Fields.Contains(k) && !included.Contains(k)).ToList())
                item.Remove(name);
        return item;
    }
}

/// <summary>Ghost's envelopes: <c>{"posts":[…],"meta":{"pagination":…}}</c> for a list, the same without meta for one.</summary>
public static class GhostResponse
{
    public static IResult List<T>(string resource, IEnumerable<T> items, JsonTypeInfo<T> type, GhostShape shape, GhostPagination pagination) =>
        Send(new JsonObject
        {
            [resource] = Items(items, type, shape),
            ["meta"] = new JsonObject { ["pagination"] = JsonSerializer.SerializeToNode(pagination, GhostJson.Default.GhostPagination) },
        });

    public static IResult One<T>(string resource, T item, JsonTypeInfo<T> type, GhostShape shape) =>
        Send(new JsonObject { [resource] = Items([item], type, shape) });

    public static IResult Settings(GhostSettings settings) => Send(new JsonObject
    {
        ["settings"] = JsonSerializer.SerializeToNode(settings, GhostJson.Default.GhostSettings),
        ["meta"] = new JsonObject(),
    });

    private static JsonArray Items<T>(IEnumerable<T> items, JsonTypeInfo<T> type, GhostShape shape) =>
        new(items.Select(item => (JsonNode?)shape.Apply(JsonSerializer.SerializeToNode(item, type)!.AsObject())).ToArray());

    private static IResult Send(JsonObject body) => ETagged.Json(body, GhostJson.Default.JsonObject);
}
