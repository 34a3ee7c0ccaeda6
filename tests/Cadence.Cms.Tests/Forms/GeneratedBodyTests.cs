using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cadence.Cms.Data;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cadence.Cms.Tests.Forms.FormPosts;

namespace Cadence.Cms.Tests.Forms;

/// <summary>
/// Generated bodies against the real form endpoint (CsCheck): url-encoded and JSON, huge fields, odd and broken
/// unicode, wrong JSON types, missing and repeated fields, bodies that are not what their content type says. Whatever
/// arrives, the answer is never a 5xx, a refusal is problem+json, and a refused body stores nothing.
/// </summary>
public class GeneratedBodyTests
{
    private const int Runs = 250;
    private static readonly string[] Names = ["name", "email", "phone", "topic", "message", "consent", "website", "_started", "is_admin", "", "na%me", "email[]"];

    private CmsServer _cms = null!;

    [OneTimeSetUp]
    public async Task Start() => _cms = await CmsServer.StartAsync(TestSettings());

    [OneTimeTearDown]
    public async Task Stop() => await _cms.DisposeAsync();

    /// <summary>One generated request: its body bytes and the content type it claims (null: none sent).</summary>
    public sealed record Body(string Kind, byte[] Bytes, string? ContentType)
    {
        public override string ToString() => $"{Kind} {ContentType ?? "(no content type)"} {Bytes.Length} bytes: {Preview()}";

        private string Preview()
        {
            var text = Encoding.UTF8.GetString(Bytes);
            return text.Length > 300 ? text[..300] + "…" : text;
        }
    }

    [Test]
    public async Task Any_body_gets_a_clear_answer_and_a_refused_one_stores_nothing()
    {
        var answered = new Dictionary<int, int>();
        await AnyBody.SampleAsync(async body =>
        {
            var before = await StoredAsync();
            using var response = await PostAsync(body);
            var status = (int)response.StatusCode;
            answered[status] = answered.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(status, Is.LessThan(500), $"{body}\n→ {status} {text}");
            if (status >= 400)
            {
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), $"{body}\n→ {status} {text}");
                Assert.That(await StoredAsync(), Is.EqualTo(before), $"a refused body stored something: {body}");
            }
        }, iter: Runs, threads: 1, print: b => b.ToString());

        TestContext.Out.WriteLine("Answers: " + string.Join(", ", answered.OrderBy(a => a.Key).Select(a => $"{a.Key} × {a.Value}")));
        Assert.That(answered.Keys.Where(s => s >= 400), Is.Not.Empty, "the generator reaches refusals");
        Assert.That(answered.Keys.Where(s => s < 300), Is.Not.Empty, "and accepted bodies");
    }

    private async Task<HttpResponseMessage> PostAsync(Body body)
    {
        var content = new ByteArrayContent(body.Bytes);
        if (body.ContentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_cms.BaseUrl}/forms/contact-therapist") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("Origin", SiteOrigin);
        using var client = NoRedirects();
        return await client.SendAsync(request);
    }

    private async Task<int> StoredAsync()
    {
        await using var scope = _cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CadenceDb>();
        return await db.Submissions.CountAsync() + await db.MailOutbox.CountAsync();
    }

    /// <summary>Text a reader (or a bot) might send: plain, unicode from every plane, lone surrogates, control characters, huge.</summary>
    private static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.OneOf(Gen.Const("Ada Runner"), Gen.Const("ada@runner.test"), Gen.Const("Knee pain"), Gen.Const("true"), Gen.Const(""), Gen.Const(StartedLongAgo()))),
        (3, Gen.String[0, 40]),
        (2, Gen.Char.Array[0, 30].Select(chars => new string(chars))),
        (2, Gen.OneOf(Gen.Const("\ud800"), Gen.Const("a\udc00b"), Gen.Const("\u0000\u202e\ufeff"), Gen.Const("👩🏽‍⚕️ Zoë ﷽"), Gen.Const("x@\u0130.test"))),
        (1, Gen.Int[2_000, 80_000].Select(n => new string('é', n))));

    private static readonly Gen<(string Name, string Value)> Field =
        Gen.Select(Gen.Frequency((6, Gen.OneOf(Names.Take(8).Select(Gen.Const).ToArray())), (1, Gen.OneOf(Names.Skip(8).Select(Gen.Const).ToArray())), (1, Gen.String[0, 12])), Text);

    /// <summary>Starts from a valid submission, then drops, repeats and replaces fields.</summary>
    private static readonly Gen<List<(string Name, string Value)>> Fields =
        Gen.Select(Gen.Bool.Array[8], Field.Array[0, 6], Gen.Bool, (keep, extra, valid) =>
        {
            var fields = new List<(string, string)>
            {
                ("name", "Ada Runner"), ("email", $"gen-{Guid.NewGuid():N}@runner.test"), ("phone", "+44 20 7946 0000"), ("topic", "Knee pain"),
                ("message", "My knee hurts."), ("consent", "true"), ("website", ""), ("_started", StartedLongAgo()),
            };
            if (!valid) fields = fields.Where((_, i) => keep[i]).ToList();
            fields.AddRange(valid ? extra.Where(f => f.Name is "message" or "phone") : extra);
            return fields;
        });

    private static readonly Gen<Body> UrlEncodedBody = Gen.Select(Fields, Gen.OneOf(Gen.Const("application/x-www-form-urlencoded"), Gen.Const("application/x-www-form-urlencoded; charset=utf-8"), Gen.Const("application/x-www-form-urlencoded; charset=iso-8859-1")),
        (fields, type) => new Body("url-encoded", Encoding.ASCII.GetBytes(string.Join('&', fields.Select(f => Escape(f.Name) + "=" + Escape(f.Value)))), type));

    /// <summary>Percent-encodes UTF-16 as UTF-8 bytes, lone surrogates too (as the three bytes a careless encoder writes).</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') escaped.Append(c);
            else foreach (var b in c < 0x80 ? [(byte)c] : c < 0x800 ? [(byte)(0xC0 | c >> 6), (byte)(0x80 | c & 0x3F)] : new[] { (byte)(0xE0 | c >> 12), (byte)(0x80 | c >> 6 & 0x3F), (byte)(0x80 | c & 0x3F) })
                escaped.Append('%').Append(b.ToString("X2"));
        }
        return escaped.ToString();
    }

    /// <summary>A JSON value of any type: what the form expects as text may come as a number, an array, an object or null.</summary>
    private static readonly Gen<string> JsonValue = Gen.Frequency(
        (6, Text.Select(t => JsonSerializer.Serialize(t))),
        (1, Gen.OneOf(Gen.Const("true"), Gen.Const("false"), Gen.Const("null"), Gen.Const("0"), Gen.Const("-1e309"), Gen.Const("12345678901234567890123"))),
        (1, Gen.OneOf(Gen.Const("[]"), Gen.Const("[\"Knee pain\",\"Shin pain\"]"), Gen.Const("{}"), Gen.Const("{\"$ref\":\"x\"}"), Gen.Const(string.Concat(Enumerable.Repeat("[", 2000))))));

    private static readonly Gen<Body> JsonBody = Gen.Select(Fields, JsonValue.Array[0, 3], Gen.Int[0, 9], Gen.OneOf(Gen.Const("application/json"), Gen.Const("application/json; charset=utf-8"), Gen.Const("application/problem+json"), Gen.Const("text/json")),
        (fields, odd, shape, type) =>
        {
            var members = fields.Select(f => JsonSerializer.Serialize(f.Name) + ":" + JsonSerializer.Serialize(f.Value)).ToList();
            for (var i = 0; i < odd.Length; i++) members.Add(JsonSerializer.Serialize(fields.Count > 0 ? fields[i % fields.Count].Name : "name") + ":" + odd[i]);
            var json = "{" + string.Join(',', members) + "}";
            json = shape switch
            {
                0 => "[" + json + "]",
                1 => json[..(json.Length / 2)],
                2 => "\"" + json + "\"",
                _ => json,
            };
            return new Body("json", Encoding.UTF8.GetBytes(json), type);
        });

    /// <summary>Bodies that are not what they claim, or claim nothing.</summary>
    private static readonly Gen<Body> OddBody = Gen.Select(Gen.Byte.Array[0, 400],
        Gen.OneOf<string?>(null, "text/plain", "application/xml", "multipart/form-data", "multipart/form-data; boundary=x",
            "application/json; charset=utf-16", "application/x-www-form-urlencoded", "application/json", "image/png", ";;;"),
        (bytes, type) => new Body("bytes", bytes, type));

    private static readonly Gen<Body> AnyBody = Gen.Frequency((4, UrlEncodedBody), (4, JsonBody), (2, OddBody));
}
