using System.Diagnostics;
using Cadence.Markdown.Folder;
using Cadence.Testing;

namespace Cadence.Site.Tests;

/// <summary>The flat front-matter reader gives exactly the records YamlDotNet gives, or gives way to it.</summary>
public class FrontMatterReaderTests
{
    private static readonly string[] Shapes =
    [
        "title: Plain title\ndate: 2024-03-01T08:00:00Z\ntags: [a, b, c]\n",
        "title: \"Quoted \\\"title\\\" with \\\\ and \\u00e9\"\nslug: 'it''s-fine'\ntags:\n  - Knee pain\n  - \"Training load\"\n",
        "title: Block list at the key's column\ntags:\n- one\n- two\ncategories: [Gear, \"Injuries\"]\n",
        "title: Comments   # are dropped\n# a comment line\nexcerpt: It's a plain value with an apostrophe\nauthor: tom-reddy\n",
        "title: Nulls\nexcerpt: ~\ncategory: null\ntags:\nimage:\n",
        "title: Empty list\ntags: []\ndraft: true\n",
        "title: Draft false\ndraft: False\nstatus: Published\n",
        "title: Unknown keys are ignored\nweight: 3\naliases: [/old/]\nextra:\n  - x\n",
        "title: Colon:inside\nseo_title: Running cadence – a practical guide\nseo_description: What cadence is, how to measure it.\n",
        "title: Flow list with quotes\ntags: [\"a, b\", 'c', d e]\n",
        "title: Trailing spaces   \nimage: /media/x.png  \nimage_alt: A flat illustration\nsocial_image: /media/y.png\ncanonical_url: https://example.com/a\n",
        "title: Number 42\nsummary: 3.5\n",
        "title: \"Quoted\" # with a comment\nauthor: 'single' # too\nexcerpt: \"\"\nimage_alt: ''\n",
        "title: 'ends with a quote'''\nslug: 'a''b'\ntags: [\"x\", 'y''s', \"\", 'z']\n",
        "title: \"Escape \\\\ after plain text\"\nexcerpt: 'no escape at all'\n",
        // Shapes the reader gives way on: YamlDotNet decides.
        "title: >\n  Folded\n  title\n",
        "title: |\n  Literal\n",
        "title: Multi-line\n  plain scalar\n",
        "title: &a Anchored\nslug: *a\n",
        "title: !!str Tagged\n",
        "title: \"Unterminated\n  quoted\"\n",
        "title: Nested list\ntags:\n  - a\n    - b\n",
        "title: Map\nseo:\n  title: x\n",
        "title: {not: flat}\n",
        "title: Escapes \"\\x41\"\ndescription: \"\\x41\"\n",
        "title: Tabs\tinside\n",
        "title: Draft yes\ndraft: yes\n",
        "title: Flow with trailing comma\ntags: [a, b,]\n",
        "title: \"Text after the quote\" trailing\n",
        "title: 'Text after the quote' trailing\n",
    ];

    [TestCaseSource(nameof(Shapes))]
    public void The_fast_reader_and_YamlDotNet_give_the_same_post(string frontMatter)
    {
        var text = "---\n" + frontMatter + "---\n\nBody.\n";
        Assert.That(Read(text, fast: true), Is.EqualTo(Read(text, fast: false)));
    }

    [Test]
    public void The_flat_shapes_are_read_without_YamlDotNet()
    {
        // The first fifteen shapes are the ones the reader exists for; if it gave way on them it would not speed anything up.
        foreach (var shape in Shapes.Take(15))
            Assert.That(FlatFrontMatter.TryRead(shape.TrimEnd('\n')), Is.Not.Null, shape);
        foreach (var shape in Shapes.Skip(15))
            Assert.That(FlatFrontMatter.TryRead(shape.TrimEnd('\n')), Is.Null, shape);
    }

    [Test]
    public void The_starter_content_reads_the_same_both_ways()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Content, "posts"), "*.md");
        Assert.That(files, Is.Not.Empty);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.That(Read(text, fast: true), Is.EqualTo(Read(text, fast: false)), file);
        }
    }

    [Test]
    public void The_benchmark_corpus_reads_the_same_both_ways()
    {
        // The corpus generator lives in the shared benchmark harness beside the repository (bench/ssg-bench.sh).
        var generator = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "bench", "ssg", "gen-corpus.py"));
        if (!File.Exists(generator)) Assert.Ignore($"The benchmark harness is not at {generator}.");
        var folder = RepoPaths.NewTempFolder("corpus");
        try
        {
            using (var python = Process.Start(new ProcessStartInfo("python3", [generator, "--count", "300", "--out", folder, "--seed", "front-matter"])
            { RedirectStandardError = true, RedirectStandardOutput = true })!)
            {
                python.WaitForExit();
                Assert.That(python.ExitCode, Is.Zero);
            }
            var files = Directory.GetFiles(Path.Combine(folder, "content", "posts"), "*.md");
            Assert.That(files, Has.Length.EqualTo(300));
            foreach (var file in files)
            {
                var text = File.ReadAllText(file);
                var frontMatter = text[4..text.IndexOf("\n---", 3, StringComparison.Ordinal)];
                Assert.That(FlatFrontMatter.TryRead(frontMatter), Is.Not.Null, file);
                Assert.That(Read(text, fast: true), Is.EqualTo(Read(text, fast: false)), file);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The post as comparable text (records compare lists by reference), or the error it gives.</summary>
    private static string Read(string text, bool fast)
    {
        try
        {
            var post = PostFileFormat.Parse("post.md", text, fast);
            return (post with { Tags = [] }) + " tags=" + string.Join("|", post.Tags);
        }
        catch (ContentFormatException e)
        {
            return "error: " + e.Message;
        }
    }
}
