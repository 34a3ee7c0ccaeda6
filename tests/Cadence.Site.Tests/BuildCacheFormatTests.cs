using System.Collections;
using System.Text.Json;
using Cadence.Site.Build;
using Cadence.Site.Keys;
using Cadence.Site.Render;
using Cadence.Site.Source;

namespace Cadence.Site.Tests;

/// <summary>The build cache's hand-written binary form gives back what was written, field for field.</summary>
public class BuildCacheFormatTests
{
    /// <summary>A cache with every field set (and every optional part present).</summary>
    public static BuildCache Sample() => new(
        BuildCache.CurrentVersion, new Hash128(1, 2), "manifest-hash",
        new Dictionary<string, CachedPost>
        {
            [PostVariants.Full.Slug] = new(new KnownPost(PostVariants.Full with { Body = null }, new Hash128(3, 4), ["knee.jpg", "ann.jpg"]),
                new PostFacts("An excerpt.", 4, 800), new ShownKeys(new Hash128(14, 15), new Hash128(16, 17), new Hash128(18, 19), new Hash128(20, 21))),
        },
        new Dictionary<string, Hash128> { ["index.html"] = new(5, 6), ["posts/knee-pain/index.html"] = new(ulong.MaxValue, 7) },
        [new PostFileStamp("knee-pain.md", 1234, 638000000000000000, new Hash128(8, 9), "knee-pain"), new PostFileStamp("draft.md", 5, 6, new Hash128(10, 11), null)],
        new Hash128(12, 13), [[1, 2, 3], [], [0]], new Hash128(22, 23));

    public static BuildCache RoundTrip(BuildCache cache)
    {
        var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) BuildCacheFormat.Write(writer, cache);
        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);
        var read = BuildCacheFormat.Read(reader);
        Assert.That(buffer.Position, Is.EqualTo(buffer.Length), "everything written is read");
        return read ?? throw new AssertionException("the cache was not read back");
    }

    [Test]
    public void A_cache_with_every_field_set_reads_back_equal()
    {
        var cache = Sample();
        Assert.That(Unset(cache, "cache"), Is.Empty, "the sample leaves no field at its default, so a field the format forgets shows");
        Assert.That(JsonSerializer.Serialize(RoundTrip(cache)), Is.EqualTo(JsonSerializer.Serialize(cache)));
    }

    [Test]
    public void A_cache_without_its_optional_parts_reads_back_equal()
    {
        var cache = Sample() with { Files = null, Related = null, Pages = new Dictionary<string, Hash128>(), Posts = [] };
        Assert.That(JsonSerializer.Serialize(RoundTrip(cache)), Is.EqualTo(JsonSerializer.Serialize(cache)));
    }

    [Test]
    public void A_cache_of_another_version_is_not_read()
    {
        var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            BuildCacheFormat.Write(writer, Sample() with { Version = BuildCache.CurrentVersion + 1 });
        buffer.Position = 0;
        Assert.That(BuildCacheFormat.Read(new BinaryReader(buffer)), Is.Null);
    }

    /// <summary>The paths of the fields left null, zero or empty anywhere in <paramref name="value"/>.</summary>
    private static IEnumerable<string> Unset(object? value, string path)
    {
        switch (value)
        {
            case null:
                yield return path;
                yield break;
            case string text:
                if (text.Length == 0) yield return path;
                yield break;
            case int or long or ulong or bool or DateTimeOffset or DateOnly:
                yield break; // a zero number is a value the format writes like any other
            case Hash128 hash:
                if (hash == default) yield return path;
                yield break;
            case IDictionary map:
                if (map.Count == 0) yield return path;
                foreach (DictionaryEntry entry in map)
                    foreach (var unset in Unset(entry.Value, $"{path}[{entry.Key}]")) yield return unset;
                yield break;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                    foreach (var unset in Unset(item, $"{path}[{i++}]")) yield return unset;
                yield break;
        }
        foreach (var property in value.GetType().GetProperties().Where(p => p.Name != "EqualityContract" && p.GetIndexParameters().Length == 0))
        {
            // The body is never cached (it is read again when a page shows it), and a draft's file has no slug.
            if (property.Name == "Body" || path.EndsWith(".Files[1]", StringComparison.Ordinal) && property.Name == "Slug") continue;
            foreach (var unset in Unset(property.GetValue(value), $"{path}.{property.Name}")) yield return unset;
        }
    }
}
