// make-ebook.cs: regenerates content/assets/knee-pain-ebook.pdf, the free ebook offered
// on the "Knee pain when running" post. Edit the text below, then run:
//   dotnet run tools/make-ebook.cs -- content/assets/knee-pain-ebook.pdf
// No packages: writes a plain PDF 1.4 file using the built-in Helvetica fonts.
using System.Globalization;
using System.Text;

var output = args.Length > 0 ? args[0] : "content/assets/knee-pain-ebook.pdf";

// Styles: title, sub, h2, h3, p, bullet, label ("Label|text"), page (page break).
var content = new (string Style, string Text)[]
{
    ("title", "The knee-pain ebook"),
    ("sub", "Six exercises to take the pressure off your knees, from the team at Stride Sports Therapy"),
    ("h2", "Why your knee hurts"),
    ("p", "When a knee aches on a run, it is tempting to blame the knee. More often, the knee is simply the joint that ends up doing another body part's job. It is built to bend and straighten, and it copes poorly when it is asked to soak up shock or control twisting forces that should be handled elsewhere."),
    ("p", "The two usual suspects are the feet and the hips. Stiff feet land like blocks rather than springs, so the impact of each stride travels up into the shins and knees. Hips weakened by long hours of sitting struggle to hold you steady on one leg, so the thigh muscles and the band of tissue down the outside of the thigh tighten to help. That tension pulls on the knee, and friction and pain follow."),
    ("p", "Ice, rest and painkillers can take the edge off, but they leave the cause in place. The exercises in this guide work on the cause: three to free up your feet and ankles, and three to build strength around your hips."),
    ("h2", "How to use this guide"),
    ("bullet", "Do the routine three or four times a week. It takes about 20 minutes."),
    ("bullet", "Move slowly and with control. Good form matters more than big numbers."),
    ("bullet", "Expect effort and mild muscle tiredness, but not sharp pain. Skip any exercise that hurts."),
    ("bullet", "Keep running at a level that does not make your knee worse the next day."),
    ("h2", "A note on safety"),
    ("p", "This guide offers general advice and is not a substitute for a proper assessment. If your knee is swollen, locks, gives way or is too painful to put weight through, or if pain lasts for more than two to three weeks, please see a physiotherapist, sports therapist or your GP."),
    ("page", ""),
    ("h2", "Part one: feet and ankles"),
    ("h3", "1. Toe yoga"),
    ("label", "How:|Stand barefoot with your weight spread evenly. Lift only your big toe while the other four stay on the floor, then lower it. Next, press the big toe down and lift the four smaller toes. It feels clumsy at first; that is how you know it is working."),
    ("label", "Sets and reps:|2 sets of 10 in each direction, on each foot."),
    ("h3", "2. Knee-to-wall ankle rocks"),
    ("label", "How:|Face a wall with one foot about a hand's width (10 cm) away from it. Keeping the heel down, bend the knee forward until it touches the wall, then straighten. If that is easy, move the foot back a little; if the heel lifts, move closer."),
    ("label", "Sets and reps:|2 sets of 10 on each side."),
    ("h3", "3. Foot doming"),
    ("label", "How:|Sit with your foot flat on the floor. Without curling your toes, draw the ball of the foot gently towards the heel so the arch rises into a small dome. Hold, relax and repeat. Progress to doing it standing, then standing on one leg."),
    ("label", "Sets and reps:|10 holds of 5 seconds on each foot."),
    ("h2", "Part two: hips"),
    ("h3", "4. Glute bridge"),
    ("label", "How:|Lie on your back with knees bent and feet flat, hip-width apart. Squeeze your buttocks and push through your heels to lift your hips until shoulders, hips and knees form a straight line. Pause, then lower slowly. Keep your ribs down so your lower back does not arch."),
    ("label", "Sets and reps:|3 sets of 12 with a 3-second hold at the top. Progress to single-leg bridges."),
    ("h3", "5. Side-lying leg raise"),
    ("label", "How:|Lie on your side with the lower knee bent for balance. Keep the top leg straight and slightly behind your body, toes facing forwards. Lift it towards the ceiling, pause, and lower with control. You should feel the outside of the hip working, not the front of the thigh."),
    ("label", "Sets and reps:|3 sets of 12 on each side."),
    ("h3", "6. Single-leg step-down"),
    ("label", "How:|Stand on one leg on the bottom stair, holding the rail if you need to. Slowly bend the standing knee to lower the other heel towards the floor, then push back up. Keep the knee in line with your second toe and the pelvis level."),
    ("label", "Sets and reps:|3 sets of 8 on each leg. Lower more slowly to make it harder."),
    ("h2", "Your week at a glance"),
    ("bullet", "Every day: toe yoga and foot doming take under five minutes (exercises 1 and 3)."),
    ("bullet", "Three times a week: the full routine of all six exercises, ideally after an easy run or on a rest day."),
    ("bullet", "Every two weeks: make the hip exercises a little harder, e.g. more reps or a slower lowering phase."),
    ("bullet", "After four to six weeks: most runners notice steadier single-leg balance and more comfortable runs."),
    ("h2", "Need a hand?"),
    ("p", "If your knee is not improving, or you would like a plan built around your own running, our therapists are happy to help. Get in touch through the contact form on the Run Tips website."),
};

// Helvetica glyph widths (1/1000 em) for ASCII 32-126, used for word wrapping.
int[] widths = {
    278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,
    278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,
    611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,
    556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584 };
float TextWidth(string s, float size, bool bold) =>
    s.Sum(ch => ch >= 32 && ch <= 126 ? widths[ch - 32] : 556) * size / 1000f * (bold ? 1.08f : 1f);

const float PageW = 595, PageH = 842, Margin = 64, Top = PageH - 96, Bottom = 80;
const string Blue = "0.16 0.30 0.49 rg", Ink = "0.15 0.15 0.18 rg";
var pages = new List<StringBuilder>();
var page = new StringBuilder();
float y = 0;
void NewPage() { page = new StringBuilder(); pages.Add(page); y = Top; }
NewPage();

foreach (var (style, text) in content)
{
    if (style == "page") { NewPage(); continue; }
    var (font, size, lead, before, colour) = style switch
    {
        "title" => ("F2", 28f, 34f, 0f, Blue),
        "sub" => ("F1", 13f, 18f, 4f, Ink),
        "h2" => ("F2", 16f, 21f, 18f, Blue),
        "h3" => ("F2", 12.5f, 17f, 10f, Ink),
        _ => ("F1", 10.5f, 15f, style == "label" ? 2f : 6f, Ink),
    };
    string label = "", body = text;
    if (style == "label") { var parts = text.Split('|'); label = parts[0] + " "; body = parts[1]; }
    float indent = style == "bullet" ? 14 : 0;
    var lines = Wrap(label + body, PageW - 2 * Margin - indent, size, font == "F2");
    float keepWithNext = style.StartsWith('h') ? 45 : 0; // keep headings with the text that follows
    if (y - before - lead * lines.Count - keepWithNext < Bottom) NewPage();
    else y -= before;
    for (int i = 0; i < lines.Count; i++)
    {
        y -= lead;
        var line = lines[i];
        page.Append($"BT {colour} /{font} {N(size)} Tf {N(Margin + indent)} {N(y)} Td ");
        if (style == "bullet" && i == 0) page.Append($"-{N(indent)} 0 Td (\u2022) Tj {N(indent)} 0 Td ");
        if (i == 0 && label.Length > 0)
        {
            page.Append($"/F2 {N(size)} Tf ({Escape(label)}) Tj /F1 {N(size)} Tf ");
            line = line[label.Length..];
        }
        page.Append($"({Escape(line)}) Tj ET\n");
    }
}

// Header band and footer on every page.
for (int i = 0; i < pages.Count; i++)
{
    var deco = $"{Blue} 0 {N(PageH - 56)} {N(PageW)} 56 re f\n" +
        $"BT 1 1 1 rg /F2 11 Tf {N(Margin)} {N(PageH - 34)} Td (Stride Sports Therapy  \u00b7  Run Tips) Tj ET\n" +
        $"BT {Ink} /F1 9 Tf {N(Margin)} 44 Td (The knee-pain ebook \u2013 page {i + 1} of {pages.Count}) Tj ET\n";
    pages[i].Insert(0, deco);
}

// Objects: 1 catalog, 2 page tree, 3-4 fonts, 5 info, then a page and its content stream per page.
var objects = new List<byte[]>();
var kids = string.Join(" ", Enumerable.Range(0, pages.Count).Select(i => $"{6 + 2 * i} 0 R"));
objects.Add(WinAnsi("<< /Type /Catalog /Pages 2 0 R >>"));
objects.Add(WinAnsi($"<< /Type /Pages /Kids [{kids}] /Count {pages.Count} >>"));
objects.Add(WinAnsi("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
objects.Add(WinAnsi("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"));
objects.Add(WinAnsi("<< /Title (The knee-pain ebook) /Author (Stride Sports Therapy) /Subject (Exercises for runners with knee pain) >>"));
for (int i = 0; i < pages.Count; i++)
{
    objects.Add(WinAnsi($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {N(PageW)} {N(PageH)}] " +
        $"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {7 + 2 * i} 0 R >>"));
    var stream = WinAnsi(pages[i].ToString());
    objects.Add([.. WinAnsi($"<< /Length {stream.Length} >>\nstream\n"), .. stream, .. WinAnsi("\nendstream")]);
}

using var pdf = new MemoryStream();
pdf.Write(WinAnsi("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
var offsets = new List<long>();
for (int i = 0; i < objects.Count; i++)
{
    offsets.Add(pdf.Position);
    pdf.Write(WinAnsi($"{i + 1} 0 obj\n"));
    pdf.Write(objects[i]);
    pdf.Write(WinAnsi("\nendobj\n"));
}
long xref = pdf.Position;
var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
foreach (var offset in offsets) table.Append($"{offset:D10} 00000 n \n");
table.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n");
pdf.Write(WinAnsi(table.ToString()));

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
File.WriteAllBytes(output, pdf.ToArray());
Console.WriteLine($"Wrote {output}: {pages.Count} pages, {pdf.Length} bytes");

List<string> Wrap(string text, float maxWidth, float size, bool bold)
{
    var lines = new List<string>();
    var current = "";
    foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
    {
        var candidate = current.Length == 0 ? word : current + " " + word;
        if (current.Length > 0 && TextWidth(candidate, size, bold) > maxWidth) { lines.Add(current); current = word; }
        else current = candidate;
    }
    if (current.Length > 0) lines.Add(current);
    return lines;
}

static string N(float value) => value.ToString("0.##", CultureInfo.InvariantCulture);

static string Escape(string s) => s.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");

// Maps text to WinAnsiEncoding (Windows-1252) bytes; unsupported characters become '?'.
static byte[] WinAnsi(string s) => s.Select(ch => ch switch
{
    < '\u0080' => (byte)ch,
    >= '\u00a0' and <= '\u00ff' => (byte)ch,
    '\u2013' => (byte)0x96, '\u2014' => (byte)0x97, '\u2018' => (byte)0x91, '\u2019' => (byte)0x92,
    '\u201c' => (byte)0x93, '\u201d' => (byte)0x94, '\u2022' => (byte)0x95,
    _ => (byte)'?',
}).ToArray();
