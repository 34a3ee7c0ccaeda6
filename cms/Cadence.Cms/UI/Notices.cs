using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Cadence.Cms.UI;

/// <summary>One-line confirmations shown on the next page after a redirect (post/redirect/get).</summary>
public static class Notices
{
    public const string Key = "notice";
    public const string ErrorKey = "notice-error";

    public static void Notice(this ITempDataDictionary tempData, string text) => tempData[Key] = text;
    public static void Problem(this ITempDataDictionary tempData, string text) => tempData[ErrorKey] = text;
}
