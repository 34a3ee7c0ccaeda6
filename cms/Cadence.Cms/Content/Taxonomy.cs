namespace Cadence.Cms.Content;

public sealed class Tag
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public List<Post> Posts { get; set; } = [];

    /// <summary>How many live posts carry the tag; kept by every save that changes it (<see cref="TagPostCounts"/>).</summary>
    public int LivePostCount { get; set; }
}

public sealed class Category
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public List<Post> Posts { get; set; } = [];
}

public sealed class Author
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Bio { get; set; }
    public string? Avatar { get; set; }

    /// <summary>A short line of qualifications shown beside the name ("MSc, HCPC-registered physiotherapist").</summary>
    public string? Credentials { get; set; }

    /// <summary>The manager account that writes as this author, if any.</summary>
    public string? UserId { get; set; }
}
