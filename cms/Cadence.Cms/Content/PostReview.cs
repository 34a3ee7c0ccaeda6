namespace Cadence.Cms.Content;

/// <summary>
/// The trust signals on a post: who checked the advice and when, and whether it is featured. They are a clinical
/// claim and the clinic's choice, so only those who may publish set them; anyone else's save keeps what is stored.
/// </summary>
public static class PostReview
{
    /// <summary>Earlier than this is a typing slip, not a review of a post in this CMS.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>Adds what is wrong with the review fields to <paramref name="problems"/>; <paramref name="today"/> is the clinic's date.</summary>
    public static void Check(PostInput input, DateOnly today, Dictionary<string, string> problems)
    {
        if (input.LastReviewed is { } day)
        {
            if (day > today) problems[nameof(PostInput.LastReviewed)] = "The review date cannot be in the future. Use the day the post was checked.";
            else if (day < Earliest) problems[nameof(PostInput.LastReviewed)] = $"The review date must be in {Earliest.Year} or later. Check the year.";
            else if (input.ReviewedById is null) problems[nameof(PostInput.ReviewedById)] = "Choose who reviewed the post, or clear the review date.";
        }
        else if (input.ReviewedById is not null)
        {
            problems[nameof(PostInput.LastReviewed)] = "Give the date the post was reviewed, or choose “Not reviewed”.";
        }
    }

    /// <summary>The input with the stored review and featured flag, for a user who may not set them.</summary>
    public static PostInput KeepStored(PostInput input, Post post) =>
        input with { ReviewedById = post.ReviewedById, LastReviewed = post.LastReviewed, Featured = post.Featured };
}
