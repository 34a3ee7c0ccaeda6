using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Cadence.Cms.Accounts;

public sealed class CadenceUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Author = "Author";
    public static readonly string[] All = [Admin, Editor, Author];

    /// <summary>Who publishes, reviews and reads the inbox; the Editors policy and every in-page check ask this one list.</summary>
    public static readonly string[] Editors = [Admin, Editor];

    public static bool IsEditor(ClaimsPrincipal user) => Editors.Any(user.IsInRole);
}
