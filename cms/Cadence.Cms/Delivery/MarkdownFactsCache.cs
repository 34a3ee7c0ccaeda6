using System.IO.Hashing;
using System.Runtime.InteropServices;
using Cadence.Markdown.Dialect;
using Microsoft.Extensions.Caching.Memory;

namespace Cadence.Cms.Delivery;

/// <summary>
/// A post's Markdown facts (reading time, word count, forms, first paragraph), parsed once per body text rather
/// than on every API call: a page of 100 posts with bodies otherwise spent most of its time parsing Markdown.
/// Keyed by a hash of the body itself, so an edit can never be served stale facts.
/// </summary>
public sealed class MarkdownFactsCache(IMemoryCache cache)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);

    public MarkdownFacts For(string body)
    {
        var key = (nameof(MarkdownFactsCache), XxHash128.HashToUInt128(MemoryMarshal.AsBytes(body.AsSpan())));
        return cache.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = KeepFor;
            return MarkdownDialect.Analyse(body);
        })!;
    }
}
