using System.Buffers.Binary;
using System.Text;
using AngleSharp.Html.Parser;
using Cadence.Contract;
using Cadence.Site.Render;

namespace Cadence.Site.Tests.Contract;

/// <summary>
/// The header reader the CMS checks uploads with and the site sizes a content folder's images with. The headers
/// are laid out byte by byte from each format's specification, 37×21 unless a test needs more.
/// </summary>
public class ImageSizeTests
{
    [Test]
    public void Png_size_is_read_from_the_ihdr_chunk() =>
        Assert.That(ImageSize.Detect(Png(37, 21)), Is.EqualTo(("image/png", (int?)37, (int?)21)));

    [Test]
    public void Gif_size_is_read_from_the_screen_descriptor()
    {
        byte[] gif = [.. "GIF89a"u8, .. Le16(37), .. Le16(21), 0xF7, 0, 0];
        Assert.That(ImageSize.Detect(gif), Is.EqualTo(("image/gif", (int?)37, (int?)21)));
    }

    [Test]
    public void Jpeg_size_is_read_from_the_frame_header_past_metadata_and_huffman_tables()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8,
            0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0, // APP0
            0xFF, 0xC4, 0x00, 0x05, 0x00, 0x01, 0x02,                       // DHT: in the SOF range, but no frame
            0xFF, 0xC2, 0x00, 0x11, 0x08, .. Be16(21), .. Be16(37), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, // progressive SOF
        ];
        Assert.That(ImageSize.Detect(jpeg), Is.EqualTo(("image/jpeg", (int?)37, (int?)21)));
    }

    [Test]
    public void Lossy_webp_size_is_read_from_the_vp8_frame_header_without_its_scale_bits()
    {
        // Frame tag, start code 9D 01 2A, then 14-bit width and height whose top two bits are upscaling hints.
        byte[] frame = [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A, .. Le16(37 | 0x4000), .. Le16(21 | 0x8000), 0, 0];
        Assert.That(ImageSize.Detect(Webp("VP8 ", frame)), Is.EqualTo(("image/webp", (int?)37, (int?)21)));
    }

    [Test]
    public void Lossless_webp_size_is_read_from_the_vp8l_bit_fields()
    {
        var bits = (uint)(37 - 1) | (uint)(21 - 1) << 14 | 1u << 28; // width-1, height-1, alpha used, version 0
        byte[] header = [0x2F, .. Le32(bits), 0, 0, 0, 0, 0];
        Assert.That(ImageSize.Detect(Webp("VP8L", header)), Is.EqualTo(("image/webp", (int?)37, (int?)21)));
    }

    [Test]
    public void Extended_webp_size_is_read_from_the_24_bit_canvas_fields()
    {
        byte[] header = [0x10, 0, 0, 0, .. Le24(4000 - 1), .. Le24(3000 - 1)];
        Assert.That(ImageSize.Detect(Webp("VP8X", header)), Is.EqualTo(("image/webp", (int?)4000, (int?)3000)));
    }

    [Test]
    public void A_pdf_is_recognised_without_a_size_and_other_bytes_are_not_recognised()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ImageSize.Detect("%PDF-1.7\n"u8), Is.EqualTo(("application/pdf", (int?)null, (int?)null)));
            Assert.That(ImageSize.Read("%PDF-1.7\n"u8), Is.Null, "a PDF has no pixel size");
            Assert.That(ImageSize.Detect("<svg xmlns='http://www.w3.org/2000/svg'/>"u8), Is.Null);
            Assert.That(ImageSize.Detect(Png(37, 21).AsSpan(0, 20)), Is.Null, "a cut-off header");
            Assert.That(ImageSize.Detect([]), Is.Null);
        });
    }

    [Test]
    public void A_file_is_read_by_its_header_whatever_its_name()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("cadence-image-").FullName, "photo.jpg");
        try
        {
            File.WriteAllBytes(path, [.. Png(640, 480), .. new byte[200_000]]);
            Assert.That(ImageSize.Read(path), Is.EqualTo((640, 480)));
            Assert.That(ImageSize.Read(path + ".missing"), Is.Null);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Test]
    public async Task A_content_folders_webp_image_gets_its_size_on_the_page_as_it_does_through_the_cms()
    {
        var content = TestContent.Create(posts: 3);
        var output = Path.Combine(Directory.CreateTempSubdirectory("cadence-out-").FullName, "site");
        try
        {
            var bits = (uint)(800 - 1) | (uint)(450 - 1) << 14;
            File.WriteAllBytes(Path.Combine(content, "media", "hero.webp"), Webp("VP8L", [0x2F, .. Le32(bits), 0, 0, 0, 0, 0]));
            var post = Path.Combine(content, "posts", "post-02.md");
            File.WriteAllText(post, File.ReadAllText(post).Replace("/media/hero.png", "/media/hero.webp"));

            await SiteBuild.RunAsync(new BuildOptions(output, From: content), new BuildProgress(false));

            var image = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "posts/post-02/index.html"))).QuerySelector(".featured img")!;
            Assert.That((image.GetAttribute("src"), image.GetAttribute("width"), image.GetAttribute("height")), Is.EqualTo(("/media/hero.webp", "800", "450")));
        }
        finally
        {
            Directory.Delete(content, recursive: true);
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }

    private static byte[] Png(int width, int height) =>
        [0x89, .. "PNG\r\n\x1A\n"u8, 0, 0, 0, 13, .. "IHDR"u8, .. Be32(width), .. Be32(height), 8, 2, 0, 0, 0, 0, 0, 0, 0];

    private static byte[] Webp(string chunk, byte[] payload) =>
        [.. "RIFF"u8, .. Le32((uint)(12 + payload.Length)), .. "WEBP"u8, .. Encoding.ASCII.GetBytes(chunk), .. Le32((uint)payload.Length), .. payload];

    private static byte[] Le16(int value) { var b = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)value); return b; }
    private static byte[] Be16(int value) { var b = new byte[2]; BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)value); return b; }
    private static byte[] Le24(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16)];
    private static byte[] Le32(uint value) { var b = new byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, value); return b; }
    private static byte[] Be32(int value) { var b = new byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, value); return b; }
}
