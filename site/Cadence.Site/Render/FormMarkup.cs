using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Cadence.Contract;
using Cadence.Site.Source;

namespace Cadence.Site.Render;

/// <summary>
/// Writes a form definition as a plain HTML form that posts to the CMS and works without script.
/// The contract with the CMS and site.js is documented in docs/site.md ("Form markup").
/// </summary>
public static class FormMarkup
{
    public static string Write(ApiForm form, string cmsUrl)
    {
        var e = HtmlEncoder.Default;
        var id = $"form-{form.Key}";
        var html = new StringBuilder(2048);
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"cta\" aria-labelledby=\"{id}-title\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{id}-title\">{e.Encode(form.Title)}</h2>\n");
        if (!string.IsNullOrWhiteSpace(form.Intro)) html.Append(CultureInfo.InvariantCulture, $"<p>{e.Encode(form.Intro)}</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<form id=\"{id}\" class=\"cadence-form\" method=\"post\" action=\"{e.Encode(cmsUrl)}/forms/{form.Key}\"");
        html.Append(CultureInfo.InvariantCulture, $" data-success=\"{e.Encode(form.SuccessMessage)}\" novalidate>\n");

        foreach (var field in form.Fields) WriteField(html, id, field, e);

        // Spam guards: people never see or reach the honeypot; the script stamps the page-load time.
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"hp\" hidden aria-hidden=\"true\"><label for=\"{id}-{FormGuardFields.Honeypot}\">Leave this empty</label>");
        html.Append(CultureInfo.InvariantCulture, $"<input id=\"{id}-{FormGuardFields.Honeypot}\" name=\"{FormGuardFields.Honeypot}\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\"></div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{FormGuardFields.Started}\" value=\"\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{e.Encode(form.SubmitLabel)}</button>\n");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"form-status\" role=\"status\" aria-live=\"polite\"></div>\n");
        html.Append("</form>\n</section>\n");
        return html.ToString();
    }

    /// <summary>
    /// A call to action as feeds carry it: a short link to the form on the post's page. Feed readers drop forms (and
    /// would show the spam trap), so the form itself stays on the site.
    /// </summary>
    public static string FeedLink(ApiForm form, string pageUrl)
    {
        var e = HtmlEncoder.Default;
        return $"<p><a href=\"{e.Encode(pageUrl)}#form-{e.Encode(form.Key)}\">{e.Encode(form.Title)}</a></p>\n";
    }

    private static void WriteField(StringBuilder html, string formId, ApiFormField field, HtmlEncoder e)
    {
        var name = e.Encode(field.Name);
        var id = $"{formId}-{name}";
        var required = field.Required ? " required" : "";
        var maxLength = field.MaxLength is > 0 ? $" maxlength=\"{field.MaxLength}\"" : "";
        var describedBy = $" aria-describedby=\"{id}-error\"";
        var label = e.Encode(field.Label);

        switch (field.Type)
        {
            case FormFieldTypes.Checkbox or FormFieldTypes.Consent:
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"field field-check\"><input id=\"{id}\" name=\"{name}\" type=\"checkbox\" value=\"true\"{required}{describedBy}>");
                html.Append(CultureInfo.InvariantCulture, $"<label for=\"{id}\">{label}</label>");
                break;
            case FormFieldTypes.Textarea:
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"field\"><label for=\"{id}\">{label}</label>");
                html.Append(CultureInfo.InvariantCulture, $"<textarea id=\"{id}\" name=\"{name}\" rows=\"5\"{required}{maxLength}{describedBy}></textarea>");
                break;
            case FormFieldTypes.Select:
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"field\"><label for=\"{id}\">{label}</label>");
                html.Append(CultureInfo.InvariantCulture, $"<select id=\"{id}\" name=\"{name}\"{required}{describedBy}><option value=\"\">Choose…</option>");
                foreach (var option in field.Options ?? []) html.Append(CultureInfo.InvariantCulture, $"<option>{e.Encode(option)}</option>");
                html.Append("</select>");
                break;
            default:
                var type = field.Type is FormFieldTypes.Email or FormFieldTypes.Tel ? field.Type : FormFieldTypes.Text;
                var autocomplete = field.Type is FormFieldTypes.Email or FormFieldTypes.Tel ? $" autocomplete=\"{field.Type}\"" : "";
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"field\"><label for=\"{id}\">{label}</label>");
                html.Append(CultureInfo.InvariantCulture, $"<input id=\"{id}\" name=\"{name}\" type=\"{type}\"{required}{maxLength}{autocomplete}{describedBy}>");
                break;
        }
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"field-error\" id=\"{id}-error\"></p></div>\n");
    }
}
