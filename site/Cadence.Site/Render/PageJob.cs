using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Cadence.Site.Keys;
using Microsoft.AspNetCore.Components;

namespace Cadence.Site.Render;

/// <summary>A page to render: its URL, a hash of what it shows (the same key, the same page), and how to render it.</summary>
public sealed record PageJob(string Url, Hash128 Key, Func<ComponentRenderer, StringBuilder> Render)
{
    /// <summary>A page whose component takes the site's context, its head and its input; its key is theirs.</summary>
    public static PageJob For<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TPage, TInput>(
        string url, PageContext context, PageHead head, TInput input, JsonTypeInfo<TInput> type) where TPage : IComponent =>
        For<TPage, TInput>(url, context, head, input, RecordKey.Of(input, type));

    /// <param name="inputKey">The input's key, made by the caller from keys it made once for many pages.</param>
    public static PageJob For<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TPage, TInput>(
        string url, PageContext context, PageHead head, TInput input, Hash128 inputKey) where TPage : IComponent
    {
        var key = new InputKey().Add(typeof(TPage).Name).Add(HeadKey(head)).Add(inputKey).Value;
        return new PageJob(url, key, r => r.Render<TPage>(new() { ["Context"] = context, ["Head"] = head, ["Input"] = input }));
    }

    /// <summary>A page that shows nothing but its head.</summary>
    public static PageJob For<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TPage>(string url, PageContext context, PageHead head)
        where TPage : IComponent
    {
        var key = new InputKey().Add(typeof(TPage).Name).Add(HeadKey(head)).Value;
        return new PageJob(url, key, r => r.Render<TPage>(new() { ["Context"] = context, ["Head"] = head }));
    }

    /// <summary>A stub at a renamed post's old address: no layout, so no context or head.</summary>
    public static PageJob Redirect(string url, RedirectInput input) => new(url,
        new InputKey().Add(nameof(Theme.RedirectPage)).Add(RecordKey.Of(input, PageInputJson.Default.RedirectInput)).Value,
        r => r.Render<Theme.RedirectPage>(new() { ["Input"] = input }));

    public static Hash128 HeadKey(PageHead head) => RecordKey.Of(head, PageInputJson.Default.PageHead);
}
