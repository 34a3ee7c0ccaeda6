using System.Text.Json.Nodes;

namespace Cadence.Site.Tests.Contract;

/// <summary>Compares two JSON trees: what the first has that the second lost or changed.</summary>
public static class JsonTrees
{
    /// <returns>One line per property or value of <paramref name="sent"/> that <paramref name="kept"/> lacks or holds differently.</returns>
    public static List<string> Lost(JsonNode? sent, JsonNode? kept)
    {
        var lost = new List<string>();
        Compare(sent, kept, "$", lost);
        return lost;
    }

    private static void Compare(JsonNode? sent, JsonNode? kept, string path, List<string> lost)
    {
        switch (sent)
        {
            case JsonObject sentObject when kept is JsonObject keptObject:
                foreach (var (name, value) in sentObject)
                {
                    // A null the site drops is still a field it does not know.
                    if (!keptObject.TryGetPropertyValue(name, out var keptValue)) lost.Add($"{path}.{name} is missing");
                    else Compare(value, keptValue, $"{path}.{name}", lost);
                }
                break;
            case JsonArray sentArray when kept is JsonArray keptArray:
                if (sentArray.Count != keptArray.Count) lost.Add($"{path} has {keptArray.Count} items instead of {sentArray.Count}");
                else for (var i = 0; i < sentArray.Count; i++) Compare(sentArray[i], keptArray[i], $"{path}[{i}]", lost);
                break;
            default:
                if (!JsonNode.DeepEquals(sent, kept)) lost.Add($"{path} is {kept?.ToJsonString() ?? "null"} instead of {sent?.ToJsonString() ?? "null"}");
                break;
        }
    }
}
