using Cadence.Cms.Ghost;
using static Cadence.Cms.Ghost.GhostFilter;

namespace Cadence.Cms.Tests.Ghost;

/// <summary>The Ghost filter parser reads what front ends send, and names the part it cannot read.</summary>
public class GhostFilterParserTests
{
    [Test]
    public void A_condition_is_a_field_and_a_value()
    {
        var filter = (Condition)GhostFilterParser.Parse("tag:knee-pain");
        Assert.That((filter.Field, filter.Operator, filter.Values.Single()), Is.EqualTo(("tag", FilterOperator.Is, "knee-pain")));
    }

    [Test]
    public void A_list_matches_any_of_its_values_and_a_minus_excludes()
    {
        var filter = (Condition)GhostFilterParser.Parse("tags:[feet, hips,'knee pain']");
        Assert.That(filter.Values, Is.EqualTo(new[] { "feet", "hips", "knee pain" }));

        var negated = (Condition)GhostFilterParser.Parse("id:-[a1,b2]");
        Assert.That(negated.Operator, Is.EqualTo(FilterOperator.IsNot));
        Assert.That(negated.Values, Is.EqualTo(new[] { "a1", "b2" }));
    }

    [TestCase("published_at:>'2024-01-01'", FilterOperator.Above)]
    [TestCase("published_at:>='2024-01-01'", FilterOperator.AtLeast)]
    [TestCase("published_at:<2024-01-01", FilterOperator.Below)]
    [TestCase("published_at:<='2024-01-01 10:00:00'", FilterOperator.AtMost)]
    public void Dates_are_compared(string text, FilterOperator expected)
    {
        Assert.That(((Condition)GhostFilterParser.Parse(text)).Operator, Is.EqualTo(expected));
    }

    [Test]
    public void Plus_binds_tighter_than_comma_and_parentheses_group()
    {
        var filter = GhostFilterParser.Parse("featured:true+tag:feet,slug:about");
        Assert.That(filter, Is.InstanceOf<Either>());
        Assert.That(((Either)filter).Left, Is.InstanceOf<Both>());

        var grouped = GhostFilterParser.Parse("featured:true+(tag:feet,slug:about)");
        Assert.That(grouped, Is.InstanceOf<Both>());
        Assert.That(((Both)grouped).Right, Is.InstanceOf<Either>());
    }

    [Test]
    public void Quotes_may_hold_commas_pluses_and_escaped_quotes()
    {
        var filter = (Condition)GhostFilterParser.Parse(@"slug:'a,b+c\'d'");
        Assert.That(filter.Values, Is.EqualTo(new[] { "a,b+c'd" }));
    }

    [TestCase("tag:", "needs a value")]
    [TestCase("tag", "needs ':' after 'tag'")]
    [TestCase("tag:feet+", "needs a field name")]
    [TestCase("tag:feet)", "found ')'")]
    [TestCase("(tag:feet", "needs ')'")]
    [TestCase("tags:[feet,hips", "needs ',' or ']'")]
    [TestCase("title:~'knee'", "'~' at position 7")]
    [TestCase("slug:'about", "quote opened at position 6")]
    [TestCase("published_at:>[2024-01-01,2025-01-01]", "one value after '>'")]
    [TestCase("tag:feet tag:hips", "at position 10, found 'tag'")]
    public void What_it_cannot_read_is_named(string text, string expected)
    {
        var error = Assert.Throws<GhostFilterException>(() => GhostFilterParser.Parse(text))!;
        Assert.That(error.Message, Does.Contain(expected));
    }

    [Test]
    public void A_very_long_filter_is_refused_before_it_is_read()
    {
        var text = string.Join('+', Enumerable.Repeat("tag:feet", 300));
        Assert.That(() => GhostFilterParser.Parse(text), Throws.TypeOf<GhostFilterException>().With.Message.Contains("longer than"));
    }
}
