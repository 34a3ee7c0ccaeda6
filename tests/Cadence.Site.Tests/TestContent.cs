using System.Globalization;
using System.Text;

namespace Cadence.Site.Tests;

/// <summary>A small content folder on disk, in the format the CMS exports, for builds under test.</summary>
public static class TestContent
{
    // A 1×1 PNG: enough for the header reader and for a real file in media/.
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static string Create(int posts = 25)
    {
        var root = Directory.CreateTempSubdirectory("cadence-content-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "posts"));
        Directory.CreateDirectory(Path.Combine(root, "forms"));
        Directory.CreateDirectory(Path.Combine(root, "media"));
        File.WriteAllBytes(Path.Combine(root, "media", "hero.png"), Png);
        File.WriteAllBytes(Path.Combine(root, "media", "avatar.png"), Png);
        File.WriteAllText(Path.Combine(root, "site.yml"), """
            clinic_name: Test Clinic
            title: Test Tips
            description: Tips for testing.
            base_url: https://tips.example
            time_zone: Europe/London
            navigation:
              - label: Home
                url: /
              - label: Search
                url: /search/
            """);
        File.WriteAllText(Path.Combine(root, "authors.yml"), """
            - slug: ann-lee
              name: Ann Lee
              bio: Ann writes the tests.
              avatar: /media/avatar.png
            """);
        File.WriteAllText(Path.Combine(root, "forms", "ebook.yml"), """
            key: ebook
            title: Get the ebook
            intro: We will send it.
            submit_label: Send it
            success_message: Thanks, it is on its way.
            thank_you_path: /thanks/ebook/
            fields:
              - name: email
                type: email
                label: Email address
                required: true
                max_length: 254
              - name: phone
                type: tel
                label: Phone
              - name: topic
                type: select
                label: Topic
                options: [Knees, Hips]
              - name: consent
                type: consent
                label: I agree
                required: true
            """);
        for (var i = 1; i <= posts; i++) File.WriteAllText(Path.Combine(root, "posts", $"post-{i:00}.md"), Post(i));
        File.WriteAllText(Path.Combine(root, "posts", "draft.md"), "---\ntitle: A draft\nstatus: draft\n---\nNot yet.\n");
        return root;
    }

    public static string Post(int i)
    {
        var date = new DateTimeOffset(2025, 1, 1, 7, 0, 0, TimeSpan.Zero).AddDays(i).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var tags = i % 2 == 0 ? "[Knee pain, Strength]" : "[Hips]";
        var body = new StringBuilder();
        body.Append($"Opening paragraph of post {i}, about running.\n\n");
        for (var h = 1; h <= 3; h++) body.Append($"## Section {h}\n\nText for section {h} with a [link to post 1](/posts/post-01/).\n\n");
        if (i == 1) body.Append("::: form ebook\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n");
        return $"""
            ---
            title: Post number {i}
            slug: post-{i:00}
            date: {date}
            tags: {tags}
            categories: [Training]
            author: ann-lee
            image: /media/hero.png
            image_alt: A runner
            ---
            {body}
            """;
    }

    /// <summary>Every file under a folder, relative path → bytes.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes), StringComparer.Ordinal);
}
