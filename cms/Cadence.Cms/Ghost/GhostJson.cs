using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Cadence.Cms.Ghost;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(GhostPost))]
[JsonSerializable(typeof(GhostTag))]
[JsonSerializable(typeof(GhostAuthor))]
[JsonSerializable(typeof(GhostSettings))]
[JsonSerializable(typeof(GhostPagination))]
[JsonSerializable(typeof(GhostError[]))]
[JsonSerializable(typeof(JsonObject))]
public sealed partial class GhostJson : JsonSerializerContext;
