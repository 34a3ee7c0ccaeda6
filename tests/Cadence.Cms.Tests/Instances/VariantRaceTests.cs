using Cadence.Cms.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.Cms.Tests.Instances;

/// <summary>Two instances making the same new images' variants at the same moment, on one database and one media store.</summary>
public class VariantRaceTests
{
    [Test]
    public async Task Both_instances_making_the_same_variants_at_once_succeed_and_leave_one_set_per_image()
    {
        // The folder store is shared through its path, as a network share would be; with S3 the bucket is shared anyway.
        var media = RepoPaths.NewTempFolder("shared-media");
        await using var cms = await TwoInstances.StartAsync(new Dictionary<string, string?> { ["Cadence:Media:FolderPath"] = media });
        await cms.A.ImageVariantsMadeAsync();
        await cms.B.ImageVariantsMadeAsync();

        var images = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var bytes = SampleImages.Jpeg(900 + (i * 10), 600);
            images.Add((await cms.A.InScope<MediaFile, MediaLibrary>(library => library.AddAsync($"race-{i}.jpg", bytes, isPublic: true))).Id);
        }
        // Each instance's maker runs to the end of the queue, side by side with the other (and with A's own loop,
        // which the uploads woke): each image is picked by more than one of them.
        var makers = new[] { cms.A, cms.B, cms.A, cms.B }.Select(server => Task.Run(async () =>
        {
            var maker = server.Services.GetRequiredService<ImageVariantMaker>();
            while (await maker.MakeNextAsync(CancellationToken.None)) { }
        }));
        await Task.WhenAll(makers);

        var variants = await cms.B.Read(db => db.Set<MediaVariant>().Where(v => images.Contains(v.MediaFileId)).ToListAsync());
        var perImage = variants.GroupBy(v => v.MediaFileId).ToDictionary(g => g.Key, g => g.Select(v => v.FileName).ToList());
        Assert.That(perImage.Keys, Is.EquivalentTo(images), "every image has its variants");
        Assert.That(perImage.Values.Select(names => names.Count).Distinct().Count(), Is.EqualTo(1), "each image has one full set");
        foreach (var variant in variants)
        {
            foreach (var server in new[] { cms.A, cms.B })
            {
                using var client = server.Client();
                using var response = await client.GetAsync(variant.Url.TrimStart('/'));
                Assert.That(response.IsSuccessStatusCode, Is.True, $"{variant.FileName} from {server.BaseUrl}");
                Assert.That((await response.Content.ReadAsByteArrayAsync()).Length, Is.GreaterThan(0));
            }
        }
    }
}
