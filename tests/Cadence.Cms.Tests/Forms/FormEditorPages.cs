using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Cadence.Cms.Tests.Manager;

namespace Cadence.Cms.Tests.Forms;

/// <summary>The form editor driven as a browser without script would: the page's own values, changed, posted as multipart.</summary>
public static class FormEditorPages
{
    /// <summary>What the editor's form would send as it stands on <paramref name="page"/> (ticked boxes only, no files).</summary>
    public static List<KeyValuePair<string, string>> Values(IHtmlDocument page)
    {
        var form = (IHtmlFormElement)page.QuerySelector("#form-editor")!;
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box when !box.IsChecked:
                case IHtmlInputElement { Type: "file" or "submit" }:
                    continue;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name): values.Add(new(input.Name, input.Value)); break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name): values.Add(new(area.Name, area.Value)); break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name): values.Add(new(select.Name, select.Value ?? "")); break;
            }
        }
        return values;
    }

    /// <summary>Posts <paramref name="page"/>'s editor to <paramref name="handler"/> with <paramref name="changes"/> (an empty value unticks a box) and an optional file.</summary>
    public static Task<HttpResponseMessage> PostAsync(ManagerSession session, IHtmlDocument page, string handler,
        Dictionary<string, string> changes, (string Name, byte[] Bytes)? file = null)
    {
        var action = page.QuerySelector("#form-editor")!.GetAttribute("action")!;
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in Values(page).Where(v => !changes.ContainsKey(v.Key)))
            content.Add(new StringContent(value), name);
        foreach (var (name, value) in changes.Where(c => c.Value.Length > 0 || !c.Key.EndsWith("Required") && !c.Key.EndsWith("GivesDownload")))
            content.Add(new StringContent(value), name);
        if (file is { } f)
        {
            var bytes = new ByteArrayContent(f.Bytes);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(bytes, "Download", f.Name);
        }
        return session.PostAsync($"{action}?handler={handler}", content);
    }
}
