using System.Globalization;

namespace Cadence.Markdown.Folder;

/// <summary>
/// Reads the flat front matter nearly every post has (top-level scalars, quoted strings, inline <c>[a, b]</c>
/// and block <c>- a</c> lists) without a general YAML parser, which dominated the time to read 10,000 posts.
/// Anything outside that shape (anchors, tags, block scalars, nested maps, multi-line values, unusual escapes,
/// duplicate keys) makes it give up, and the caller falls back to YamlDotNet, so results never differ.
/// </summary>
internal static class FlatFrontMatter
{
    /// <returns>The post's front matter, or null when the text is not in the flat shape.</returns>
    public static PostYaml? TryRead(string text)
    {
        var yaml = new PostYaml();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (IsBlankOrComment(line)) continue;
            if (line[0] is ' ' or '\t' or '-' or '?' or '"' or '\'' or '#' or '{' or '[' or '&' or '*' or '!' or '%' or '@' or '`' || line.StartsWith("...", StringComparison.Ordinal))
                return null;
            var colon = line.IndexOf(':');
            if (colon <= 0) return null;
            var key = line[..colon];
            foreach (var c in key)
                if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) return null;
            if (!seen.Add(key)) return null; // a duplicate key is YamlDotNet's error to report
            var rest = line[(colon + 1)..];
            if (rest.Length > 0 && rest[0] is not (' ' or '\t')) return null;
            rest = rest.Trim(' ');
            if (rest.Contains('\t')) return null;

            Value value;
            if (rest.Length == 0 || rest[0] == '#')
            {
                // Either null or a block list on the following lines.
                var items = new List<string?>();
                var indent = -1;
                while (i + 1 < lines.Length && (lines[i + 1].StartsWith("- ", StringComparison.Ordinal) || lines[i + 1] == "-"
                                                 || lines[i + 1].StartsWith(' ') || lines[i + 1].Length == 0))
                {
                    var next = lines[i + 1];
                    if (next.Length == 0 || IsBlankOrComment(next))
                    {
                        i++;
                        continue;
                    }
                    var item = next.TrimStart(' ');
                    if (!item.StartsWith("- ", StringComparison.Ordinal)) return null; // a nested map or a continued scalar
                    var itemIndent = next.Length - item.Length;
                    if (indent < 0) indent = itemIndent;
                    else if (itemIndent != indent) return null; // a nested list or a continued item
                    var scalar = Scalar(item[2..].Trim(' '), flow: false);
                    if (scalar is null) return null;
                    items.Add(scalar.Value.Text);
                    i++;
                }
                value = items.Count > 0 ? new Value(null, items) : new Value(null, null);
            }
            else if (rest[0] == '[')
            {
                var list = FlowList(rest);
                if (list is null) return null;
                value = new Value(null, list);
            }
            else
            {
                var scalar = Scalar(rest, flow: false);
                if (scalar is null) return null;
                // A plain value continued on an indented next line is a multi-line scalar.
                if (i + 1 < lines.Length && lines[i + 1].StartsWith(' ') && !IsBlankOrComment(lines[i + 1])) return null;
                value = new Value(scalar.Value.Text, null, scalar.Value.Plain);
            }
            if (!Assign(yaml, key, value)) return null;
        }
        return yaml;
    }

    private readonly record struct Value(string? Text, List<string?>? List, bool Plain = false)
    {
        public bool IsNull => Text is null && List is null;
    }

    private readonly record struct ScalarText(string? Text, bool Plain);

    private static bool IsBlankOrComment(string line)
    {
        var trimmed = line.AsSpan().TrimStart(' ');
        return trimmed.Length == 0 || trimmed[0] == '#';
    }

    private static bool Assign(PostYaml yaml, string key, Value value)
    {
        switch (key)
        {
            case "tags": return AssignList(value, list => yaml.Tags = list);
            case "categories": return AssignList(value, list => yaml.Categories = list);
            case "draft": return AssignFlag(value, flag => yaml.Draft = flag);
            case "featured": return AssignFlag(value, flag => yaml.Featured = flag);
        }
        if (value.List is not null) return IsKnownScalar(key) ? false : true; // unknown keys are ignored, like YamlDotNet does
        var text = value.Text;
        switch (key)
        {
            case "title": yaml.Title = text; break;
            case "slug": yaml.Slug = text; break;
            case "date": yaml.Date = text; break;
            case "status": yaml.Status = text; break;
            case "excerpt": yaml.Excerpt = text; break;
            case "summary": yaml.Summary = text; break;
            case "category": yaml.Category = text; break;
            case "author": yaml.Author = text; break;
            case "image": yaml.Image = text; break;
            case "image_alt": yaml.ImageAlt = text; break;
            case "seo_title": yaml.SeoTitle = text; break;
            case "seo_description": yaml.SeoDescription = text; break;
            case "social_image": yaml.SocialImage = text; break;
            case "canonical_url": yaml.CanonicalUrl = text; break;
            case "reviewed_by": yaml.ReviewedBy = text; break;
            case "last_reviewed": yaml.LastReviewed = text; break;
        }
        return true;
    }

    /// <summary>A plain true or false, as YamlDotNet reads a bool; anything else is left to it.</summary>
    private static bool AssignFlag(Value value, Action<bool> set)
    {
        if (value.IsNull) return true;
        if (value.Text is null || !value.Plain) return false;
        if (value.Text is "true" or "True" or "TRUE") set(true);
        else if (value.Text is "false" or "False" or "FALSE") set(false);
        else return false;
        return true;
    }

    private static bool IsKnownScalar(string key) => key is "title" or "slug" or "date" or "status" or "excerpt" or "summary"
        or "category" or "author" or "image" or "image_alt" or "seo_title" or "seo_description" or "social_image" or "canonical_url"
        or "reviewed_by" or "last_reviewed";

    private static bool AssignList(Value value, Action<List<string>?> set)
    {
        if (value.IsNull)
        {
            set(null);
            return true;
        }
        if (value.List is null || value.List.Any(item => item is null)) return false;
        set(value.List!);
        return true;
    }

    /// <summary>A plain, single- or double-quoted scalar that ends on this line; null when it is anything else.</summary>
    private static ScalarText? Scalar(string text, bool flow)
    {
        if (text.Length == 0) return new ScalarText(null, true);
        return text[0] switch
        {
            '"' => DoubleQuoted(text, 0, out var end) is { } d && Tail(text, end) ? new ScalarText(d, false) : null,
            '\'' => SingleQuoted(text, 0, out var end) is { } s && Tail(text, end) ? new ScalarText(s, false) : null,
            _ => Plain(text, flow) is { } p ? new ScalarText(p == "~" || p is "null" or "Null" or "NULL" ? null : p, true) : null,
        };
    }

    /// <summary>Only spaces and a comment may follow a closing quote.</summary>
    private static bool Tail(string text, int end)
    {
        var rest = text.AsSpan(end).TrimStart(' ');
        return rest.Length == 0 || rest[0] == '#' && end < text.Length && text[end] == ' ';
    }

    private static string? Plain(string text, bool flow)
    {
        if (text[0] is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`')
            return null;
        var end = text.Length;
        var comment = text.IndexOf(" #", StringComparison.Ordinal);
        if (comment >= 0) end = comment;
        var value = text[..end].TrimEnd(' ');
        if (value.Contains(": ", StringComparison.Ordinal) || value.EndsWith(':')) return null;
        if (flow && value.AsSpan().IndexOfAny(",[]{}") >= 0) return null;
        return value;
    }

    private static string? DoubleQuoted(string text, int start, out int end)
    {
        // Most quoted values hold no escape: they are cut out as they are.
        var plain = text.AsSpan(start + 1).IndexOfAny('"', '\\');
        if (plain >= 0 && text[start + 1 + plain] == '"')
        {
            end = start + 2 + plain;
            return text.Substring(start + 1, plain);
        }
        var builder = new System.Text.StringBuilder();
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                end = i + 1;
                return builder.ToString();
            }
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }
            if (++i >= text.Length) break;
            switch (text[i])
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when i + 4 < text.Length && ushort.TryParse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    if (char.IsSurrogate((char)code)) goto default;
                    builder.Append((char)code);
                    i += 4;
                    break;
                default:
                    end = -1;
                    return null;
            }
        }
        end = -1;
        return null; // unterminated: a multi-line string
    }

    private static string? SingleQuoted(string text, int start, out int end)
    {
        var close = text.IndexOf('\'', start + 1);
        if (close >= 0 && (close + 1 == text.Length || text[close + 1] != '\''))
        {
            end = close + 1;
            return text.Substring(start + 1, close - start - 1);
        }
        var builder = new System.Text.StringBuilder();
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] != '\'')
            {
                builder.Append(text[i]);
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] == '\'')
            {
                builder.Append('\'');
                i++;
                continue;
            }
            end = i + 1;
            return builder.ToString();
        }
        end = -1;
        return null;
    }

    /// <summary><c>[a, "b", 'c']</c> on one line; nested collections give up.</summary>
    private static List<string?>? FlowList(string text)
    {
        var items = new List<string?>();
        var i = 1;
        while (true)
        {
            while (i < text.Length && text[i] == ' ') i++;
            if (i >= text.Length) return null;
            if (text[i] == ']' && items.Count == 0) break;
            string? item;
            if (text[i] == '"')
            {
                item = DoubleQuoted(text, i, out i);
                if (item is null) return null;
            }
            else if (text[i] == '\'')
            {
                item = SingleQuoted(text, i, out i);
                if (item is null) return null;
            }
            else
            {
                var stop = text.IndexOfAny([',', ']'], i);
                if (stop < 0) return null;
                var raw = text[i..stop].TrimEnd(' ');
                if (raw.Length == 0) return null;
                var plain = Plain(raw, flow: true);
                if (plain is null || plain.Contains('#') || plain.Contains('"') || plain.Contains('\'')) return null;
                item = plain is "~" or "null" or "Null" or "NULL" ? null : plain;
                i = stop;
            }
            items.Add(item);
            while (i < text.Length && text[i] == ' ') i++;
            if (i >= text.Length) return null;
            if (text[i] == ',')
            {
                i++;
                continue;
            }
            if (text[i] == ']') break;
            return null;
        }
        return Tail(text, i + 1) ? items : null;
    }
}
