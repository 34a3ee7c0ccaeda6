using Cadence.Site.Outputs;
using Microsoft.AspNetCore.Http;

namespace Cadence.Site.Serve;

/// <summary>
/// Sends the rules of the build's <c>_headers</c> file (Netlify / Cloudflare Pages format: a path, or a path ending in
/// <c>*</c>, then indented <c>Name: value</c> lines) the way such a host would, so the preview answers with the same
/// security headers as the published site. Read on each request because a rebuild swaps the whole folder.
/// </summary>
public sealed class HeadersFile(string output)
{
    private readonly string _file = Path.Combine(Path.GetFullPath(output), SecurityHeaders.FileName);

    public void Apply(HttpContext http)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(_file);
        }
        catch (IOException)
        {
            return; // no build yet, or one being swapped in: the next request has it
        }
        var path = http.Request.Path.Value ?? "/";
        var applies = false;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (!char.IsWhiteSpace(line[0]))
            {
                applies = Matches(line.Trim(), path);
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (applies && colon > 0) http.Response.Headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
    }

    private static bool Matches(string pattern, string path) =>
        pattern.EndsWith('*') ? path.StartsWith(pattern[..^1], StringComparison.Ordinal) : path == pattern;
}
