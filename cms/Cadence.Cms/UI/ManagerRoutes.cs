namespace Cadence.Cms.UI;

/// <summary>
/// Every manager address a page links or redirects to, in one place. The routes themselves stay in each page's
/// <c>@page</c> line, which Razor needs as a literal; a test checks that each address here has its page.
/// </summary>
public static class ManagerRoutes
{
    public const string Home = "/manager";
    public const string Posts = "/manager/posts";
    public const string NewPost = "/manager/posts/new";
    public const string Trash = "/manager/posts/trash";
    public const string Pages = "/manager/pages";
    public const string NewPage = "/manager/pages/new";
    public const string Review = "/manager/review";
    public const string Taxonomy = "/manager/taxonomy";
    public const string Media = "/manager/media";
    public const string Inbox = "/manager/inbox";
    public const string Subscribers = "/manager/inbox/subscribers";
    public const string Erase = "/manager/inbox/erase";
    public const string Forms = "/manager/forms";
    public const string NewForm = "/manager/forms/new";
    public const string Mail = "/manager/mail";
    public const string Webhooks = "/manager/webhooks";
    public const string Settings = "/manager/settings";
    public const string ApiKeys = "/manager/settings/keys";
    public const string Developer = "/manager/settings/developer";
    public const string Users = "/manager/users";
    public const string SignIn = "/manager/account/sign-in";
    public const string SignOut = "/manager/account/sign-out";
    public const string Denied = "/manager/account/denied";
    public const string Profile = "/manager/account/profile";
    public const string ChangePassword = "/manager/account/password";
    public const string TwoFactor = "/manager/account/two-factor";
    public const string SignInWithCode = "/manager/account/sign-in/code";
    public const string ForgotPassword = "/manager/account/forgot-password";
    public const string ResetPassword = "/manager/account/reset-password";
    public const string MailSettings = "/manager/mail/settings";

    /// <summary>The webhooks page scrolled to its delivery log.</summary>
    public const string WebhookLog = Webhooks + "#deliveries-heading";

    public static string Post(int id) => $"{Posts}/{id}";
    public static string Revisions(int postId) => $"{Post(postId)}/revisions";
    public static string Revision(int postId, int revisionId) => $"{Revisions(postId)}/{revisionId}";
    public static string MediaFile(int id) => $"{Media}/{id}";
    public static string Form(int id) => $"{Forms}/{id}";
    public static string Submission(long id) => $"{Inbox}/{id}";
    public static string User(string id) => $"{Users}/{id}";
    public static string Setup(string token) => $"{SetupFolder}/{token}";

    /// <summary>The second sign-in step, carrying where to go next and whether to stay signed in.</summary>
    public static string SignInCode(string returnUrl, bool rememberMe) =>
        $"{SignInWithCode}?returnUrl={Uri.EscapeDataString(returnUrl)}&rememberMe={(rememberMe ? "true" : "false")}";

    /// <summary>Private: the bare folder is no page; only a token makes it one.</summary>
    private const string SetupFolder = "/manager/setup";
}
