using System.Collections;
using System.Reflection;
using Cadence.Site.Source;

namespace Cadence.Site.Tests;

/// <summary>
/// A post with every field set, and for every field (found by reflection, nested records and list items included)
/// a copy with only that field changed: a field added to the post later gets a variant without anyone listing it.
/// </summary>
public static class PostVariants
{
    public static readonly ApiPost Full = new(
        "knee-pain", "Knee pain", "An excerpt.", "published",
        new DateTimeOffset(2026, 3, 4, 9, 30, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero),
        4, 800, "# Heading\n\nThe body.\n",
        [new ApiTerm("knees", "Knees", 3)], new ApiTerm("injuries", "Injuries", 5),
        new ApiAuthor("ann", "Ann Lee", "A physio.", "/media/ann.jpg", 7, "MSc, physiotherapist"),
        new ApiImage("/media/knee.jpg", "A knee", 1200, 800, [new ApiImageVariant("/media/variants/0123456789abcdef-800.avif", "image/avif", 800, 533)]),
        new ApiSeo("SEO title", "SEO description", "/media/social.jpg", "https://example.com/canonical"),
        ["knee-pain-ebook"], "/posts/knee-pain/",
        Featured: true, ReviewedBy: new ApiAuthor("bo", "Bo Chan", "A sports therapist.", "/media/bo.jpg", 2, "BSc, sports therapist"),
        LastReviewed: new DateOnly(2026, 3, 3));

    /// <summary>Every field path (e.g. <c>Author.Bio</c>) with the post that differs from <see cref="Full"/> only there.</summary>
    public static IEnumerable<(string Field, ApiPost Post)> Each() =>
        Changes(Full, typeof(ApiPost)).Select(change => (change.Path, (ApiPost)change.Value!));

    private static IEnumerable<(string Path, object? Value)> Changes(object? value, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string)) yield return ("", value is null ? "set" : value + " changed");
        else if (underlying == typeof(int)) yield return ("", value is null ? 1 : (int)value + 1);
        else if (underlying == typeof(bool)) yield return ("", !(bool)value!);
        else if (underlying == typeof(DateTimeOffset)) yield return ("", value is null ? DateTimeOffset.UnixEpoch : ((DateTimeOffset)value).AddHours(1));
        else if (underlying == typeof(DateOnly)) yield return ("", value is null ? DateOnly.MinValue : ((DateOnly)value).AddDays(1));
        else if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var item = underlying.GetGenericArguments()[0];
            var items = ((IEnumerable)value!).Cast<object?>().ToList();
            Assert.That(items, Is.Not.Empty, "the full post's lists have an item to change");
            foreach (var (path, changed) in Changes(items[0], item))
                yield return ($"[0]{path}", ListOf(item, [changed, .. items.Skip(1)]));
            yield return ("[+]", ListOf(item, [.. items, items[0]]));
        }
        else if (underlying.IsClass)
        {
            Assert.That(value, Is.Not.Null, $"{underlying.Name} is set in the full post");
            foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
                foreach (var (path, changed) in Changes(property.GetValue(value), property.PropertyType))
                    yield return ($".{property.Name}{path}", With(value!, property.Name, changed));
        }
        else Assert.Fail($"No way to change a {type}: teach {nameof(PostVariants)} one.");
    }

    private static object ListOf(Type item, List<object?> values)
    {
        var array = Array.CreateInstance(item, values.Count);
        for (var i = 0; i < values.Count; i++) array.SetValue(values[i], i);
        return array;
    }

    /// <summary>A copy of a positional record with one property replaced, through its primary constructor.</summary>
    private static object With(object record, string property, object? value)
    {
        var type = record.GetType();
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = constructor.GetParameters()
            .Select(p => p.Name == property ? value : type.GetProperty(p.Name!)!.GetValue(record))
            .ToArray();
        return constructor.Invoke(args);
    }
}
