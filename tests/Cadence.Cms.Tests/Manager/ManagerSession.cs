using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Cadence.Cms.Tests.Manager;

/// <summary>
/// A person at the manager without a browser: cookies kept, redirects not followed (so tests see them),
/// forms read from the real page so the antiforgery token is the one the server issued.
/// </summary>
public sealed class ManagerSession : IDisposable
{
    private readonly HttpClient _http;
    private readonly CookieContainer _cookies = new();
    private readonly Uri _baseUrl;
    private static readonly HtmlParser Parser = new();

    public ManagerSession(CmsServer cms) : this(cms.BaseUrl) { }

    /// <param name="baseUrl">Any CMS's address, such as a <see cref="CmsProcess"/>'s.</param>
    public ManagerSession(string baseUrl)
    {
        _baseUrl = new Uri(baseUrl);
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = _baseUrl };
    }

    public static async Task<ManagerSession> SignedInAsync(CmsServer cms, string email = CmsServer.AdminEmail, string password = CmsServer.AdminPassword)
    {
        var session = new ManagerSession(cms);
        var response = await session.SignInAsync(email, password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "sign-in should redirect");
        return session;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await SubmitAsync("/manager/account/sign-in", new() { ["Email"] = email, ["Password"] = password });

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

    /// <summary>Sends every later request with this Host header, as an attacker in front of the CMS could.</summary>
    public void ForgeHost(string host) => _http.DefaultRequestHeaders.Host = host;

    /// <summary>Sends every later request as forwarded for <paramref name="client"/> (believed only from configured proxies).</summary>
    public void ComeFrom(string client) => _http.DefaultRequestHeaders.Add("X-Forwarded-For", client);

    /// <summary>A second client holding copies of this one's cookies, as a thief who copied the sign-in cookie would.</summary>
    public ManagerSession CopyCookies()
    {
        var copy = new ManagerSession(_baseUrl.ToString());
        foreach (Cookie cookie in _cookies.GetCookies(_baseUrl)) copy._cookies.Add(_baseUrl, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        return copy;
    }

    /// <summary>Whether a cookie of this name is held for the CMS's address.</summary>
    public bool HasCookie(string name) => _cookies.GetCookies(_baseUrl).Any(c => c.Name == name);

    public async Task<IHtmlDocument> PageAsync(string url)
    {
        var response = await _http.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {url}");
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Opens <paramref name="url"/>, takes the form (the one whose action or id matches, or the first in main),
    /// overrides its fields with <paramref name="fields"/> and posts it to <paramref name="handler"/> if given.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, Dictionary<string, string> fields, string? handler = null, string formSelector = "main form")
    {
        var page = await PageAsync(url);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new AssertionException($"No form '{formSelector}' at {url}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                case IHtmlInputElement { Type: "file" or "submit" }:
                    continue;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    values.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.Add(new(select.Name, select.Value ?? ""));
                    break;
            }
        }
        values.RemoveAll(v => fields.ContainsKey(v.Key));
        values.AddRange(fields);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        if (handler is not null)
        {
            // Press the button that a person would press: its formaction must lead to the handler.
            var button = form.QuerySelectorAll("button[formaction]").FirstOrDefault(b => b.GetAttribute("formaction")!.EndsWith("handler=" + handler))
                ?? form.Owner!.QuerySelectorAll($"button[formaction][form='{form.Id}']").FirstOrDefault(b => b.GetAttribute("formaction")!.EndsWith("handler=" + handler));
            action = button?.GetAttribute("formaction") ?? action + (action.Contains('?') ? "&" : "?") + "handler=" + handler;
        }
        return await _http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>A post with the antiforgery token of <paramref name="tokenFrom"/>'s first form, for endpoints no button reaches directly.</summary>
    public async Task<HttpResponseMessage> PostWithTokenAsync(string tokenFrom, string url, Dictionary<string, string> fields)
    {
        var page = await PageAsync(tokenFrom);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await _http.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>A multipart post (a file upload) with the antiforgery token of <paramref name="tokenFrom"/>'s first form, unless it is null.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string? tokenFrom, string url, MultipartFormDataContent content)
    {
        if (tokenFrom is not null)
        {
            var page = await PageAsync(tokenFrom);
            content.Add(new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        }
        return await _http.PostAsync(url, content);
    }

    public Task<HttpResponseMessage> PostRawAsync(string url, Dictionary<string, string> fields) =>
        _http.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>A post whose fields may repeat a name, as ticked checkboxes do.</summary>
    public Task<HttpResponseMessage> PostPairsAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        _http.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>Any body, such as a multipart form carrying a file.</summary>
    public Task<HttpResponseMessage> PostAsync(string url, HttpContent content) => _http.PostAsync(url, content);

    public void Dispose() => _http.Dispose();
}
