using Microsoft.Playwright;

namespace Cadence.EndToEnd.Tests.SiteDesign;

/// <summary>
/// The theme as a reader meets it at 1280 and 390 px: the home page's featured post and card grid, the header's call
/// to action, the newsletter band, a post that opens on its title and first paragraph, the scrolling table. Writes the
/// screenshots docs/site.md shows.
/// </summary>
public class SiteLayoutTests : StarterSite
{
    private const string Post = "/posts/training-load-explained/";

    [Test]
    public async Task Screenshots_of_home_post_and_page_at_both_widths_in_light_and_dark()
    {
        foreach (var (name, path) in new[] { ("home", "/"), ("post", Post), ("page", "/about/") })
            foreach (var width in Widths)
                foreach (var dark in new[] { false, true })
                {
                    var page = await OpenAsync(path, width, dark);
                    // A full-page shot does not scroll, so pictures further down would stay unloaded.
                    await page.EvaluateAsync("() => Promise.all([...document.images].map(i => { i.loading = 'eager'; return i.decode().catch(() => {}); }))");
                    var file = Path.Combine(RepoPaths.Root, "docs", "images", $"site-{name}-{width}-{(dark ? "dark" : "light")}.png");
                    await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                    Assert.That(new FileInfo(file).Length, Is.GreaterThan(10_000), file);
                    await page.CloseAsync();
                }
    }

    [Test]
    public async Task Home_shows_the_newest_post_featured_then_cards_in_columns_that_fit_the_screen()
    {
        foreach (var (width, columns) in new[] { (1280, 3), (390, 1) })
        {
            var page = await OpenAsync("/", width, dark: false);
            var featured = page.Locator(".card-featured");
            Assert.That(await featured.Locator("h2 a").GetAttributeAsync("href"), Is.EqualTo(await NewestPostUrl(page)));
            Assert.That(await featured.Locator("img").CountAsync(), Is.EqualTo(1), "the featured post shows its cover");
            var cards = page.Locator(".card-grid > li:not(.card-grid-featured) .card");
            Assert.That(await cards.CountAsync(), Is.GreaterThanOrEqualTo(3));
            var tops = new List<float>();
            for (var i = 0; i < 3; i++) tops.Add((await cards.Nth(i).BoundingBoxAsync())!.Y);
            Assert.That(tops.Count(top => Math.Abs(top - tops[0]) < 1), Is.EqualTo(columns), $"cards a row at {width}");
            var first = cards.First;
            Assert.That(await first.Locator("img").CountAsync(), Is.EqualTo(1), "a card shows its cover");
            Assert.That(await first.Locator("img").GetAttributeAsync("width"), Is.Not.Null, "with its size, so nothing shifts");
            Assert.That(await first.Locator("time").CountAsync(), Is.EqualTo(1));
            Assert.That(await first.Locator(".card-meta").InnerTextAsync(), Does.Contain("min read"));
            Assert.That(await first.Locator(".card-label").InnerTextAsync(), Is.Not.Empty, "the primary tag");
            Assert.That(await page.Locator(".newsletter-band form[action$='/forms/newsletter']").IsVisibleAsync(), Is.True, "the newsletter band");
            await page.CloseAsync();
        }
    }

    [Test]
    public async Task The_header_shows_contact_a_therapist_as_a_button_at_both_widths()
    {
        foreach (var width in Widths)
        {
            var page = await OpenAsync("/", width, dark: false);
            var action = page.Locator("header .header-cta");
            Assert.That(await action.IsVisibleAsync(), Is.True, $"at {width}");
            Assert.That(await action.GetAttributeAsync("href"), Is.EqualTo("/contact/"));
            Assert.That(await action.InnerTextAsync(), Is.EqualTo("Contact a therapist"));
            Assert.That(await page.Locator("header nav a[href='/contact/']").CountAsync(), Is.Zero, "not also among the links");
            var background = await action.EvaluateAsync<string>("a => getComputedStyle(a).backgroundColor");
            var body = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
            Assert.That(background, Is.Not.EqualTo(body).And.Not.EqualTo("rgba(0, 0, 0, 0)"), "it looks like a button");
            var box = (await action.BoundingBoxAsync())!;
            Assert.That(box.Y + box.Height, Is.LessThan(120), $"in the header's first row at {width}");
            await page.CloseAsync();
        }
    }

    [Test]
    public async Task A_post_opens_on_its_title_and_first_paragraph_above_the_fold_at_1280_by_800()
    {
        var page = await OpenAsync(Post, 1280, dark: false);
        var lead = page.Locator(".post-lead p");
        var leadBox = (await lead.BoundingBoxAsync())!;
        Assert.That(await lead.InnerTextAsync(), Does.StartWith("Most running injuries"));
        Assert.That(leadBox.Y + leadBox.Height, Is.LessThanOrEqualTo(800), "the whole first paragraph is above the fold");
        var cover = (await page.Locator(".featured img").BoundingBoxAsync())!;
        Assert.That(cover.Y, Is.GreaterThan(leadBox.Y + leadBox.Height), "the cover comes after it");
        var contents = (await page.Locator(".toc").BoundingBoxAsync())!;
        Assert.That(contents.X, Is.GreaterThan(leadBox.X + leadBox.Width), "the contents sit in a side column");
        Assert.That(await page.Locator(".toc").GetAttributeAsync("open"), Is.Not.Null, "open beside the text");
        await page.CloseAsync();

        var phone = await OpenAsync(Post, 390, dark: false);
        Assert.That(await phone.Locator(".toc").GetAttributeAsync("open"), Is.Null, "folded on a phone");
        Assert.That(await phone.Locator(".post-lead p").IsVisibleAsync(), Is.True);
        await phone.CloseAsync();
    }

    [Test]
    public async Task Contents_numbers_line_up_with_the_first_line_of_a_wrapped_entry()
    {
        var page = await OpenAsync(Post, 390, dark: false);
        await page.Locator(".toc summary").ClickAsync();
        foreach (var item in await page.Locator(".toc li").AllAsync())
        {
            var number = await item.EvaluateAsync<double>("li => li.getBoundingClientRect().top + parseFloat(getComputedStyle(li, '::before').lineHeight) / 2");
            var link = await item.Locator("a").EvaluateAsync<double>("a => a.getClientRects()[0].top + a.getClientRects()[0].height / 2");
            Assert.That(Math.Abs(number - link), Is.LessThan(4), await item.InnerTextAsync());
        }
        await page.CloseAsync();
    }

    [Test]
    public async Task The_wide_table_on_a_phone_takes_focus_and_scrolls_to_its_last_column()
    {
        var page = await OpenAsync(Post, 390, dark: false);
        var region = page.Locator(".table-scroll").First;
        Assert.That(await region.GetAttributeAsync("tabindex"), Is.EqualTo("0"));
        Assert.That(await region.GetAttributeAsync("aria-label"), Is.Not.Empty);
        await region.FocusAsync();
        Assert.That(await page.EvaluateAsync<string>("() => document.activeElement.className"), Is.EqualTo("table-scroll"));
        for (var i = 0; i < 40; i++) await page.Keyboard.PressAsync("ArrowRight");
        // Keyboard scrolling is smooth: measure once the region has stopped moving.
        await region.EvaluateAsync("el => new Promise(done => { let last = -1; const tick = () => { if (el.scrollLeft === last) done(); else { last = el.scrollLeft; setTimeout(tick, 150); } }; tick(); })");
        var lastCell = region.Locator("tr").First.Locator("th, td").Last;
        var cell = (await lastCell.BoundingBoxAsync())!;
        var box = (await region.BoundingBoxAsync())!;
        Assert.That(cell.X + cell.Width, Is.LessThanOrEqualTo(box.X + box.Width + 1), "the last column scrolls into view");
        Assert.That(cell.X, Is.GreaterThanOrEqualTo(box.X - 1));
        await page.CloseAsync();
    }

    [Test]
    public async Task Posts_end_with_the_newsletter_once_and_related_posts_as_cards()
    {
        // This post has no sign-up of its own, so the band is added; the training-load post has one and gets none.
        var page = await OpenAsync("/posts/knee-pain-when-running/", 390, dark: false);
        Assert.That(await page.Locator("form[action$='/forms/newsletter']").CountAsync(), Is.EqualTo(1));
        var related = page.Locator(".related-card").First;
        var title = (await related.Locator("a").BoundingBoxAsync())!;
        var date = (await related.Locator("time").BoundingBoxAsync())!;
        Assert.That(date.Y, Is.GreaterThanOrEqualTo(title.Y + title.Height - 1), "the date sits under the title");
        await page.CloseAsync();
        var withForm = await OpenAsync(Post, 390, dark: false);
        Assert.That(await withForm.Locator("form[action$='/forms/newsletter']").CountAsync(), Is.EqualTo(1));
        await withForm.CloseAsync();
    }

    private static async Task<string?> NewestPostUrl(IPage page) =>
        await page.EvaluateAsync<string?>("() => fetch('/feed.json').then(r => r.json()).then(f => new URL(f.items[0].url).pathname)");
}
