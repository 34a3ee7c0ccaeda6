using Microsoft.AspNetCore.Http.HttpResults;

namespace Cadence.Cms.Ghost;

/// <summary>
/// Errors of the Ghost Content API: RFC 9457 problem+json like the rest of Cadence, plus Ghost's own <c>errors</c>
/// array, which Ghost's clients read to build the error they throw (its message and type). Every problem under
/// <see cref="GhostContentApi.Prefix"/> gets the array, whoever writes it: the key check, an endpoint or a status page.
/// </summary>
public static class GhostProblems
{
    public static ProblemHttpResult BadParameter(string parameter, string message) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: $"The parameter '{parameter}' is not valid.", detail: message,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} was not found.");

    /// <summary>Adds Ghost's <c>errors</c> array to problems on the Ghost API's paths; others are left as they are.</summary>
    public static void AddGhostErrors(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!context.HttpContext.Request.Path.StartsWithSegments(GhostContentApi.Prefix) || problem is HttpValidationProblemDetails) return;
        var type = problem.Status switch
        {
            StatusCodes.Status400BadRequest => "BadRequestError",
            StatusCodes.Status401Unauthorized => "UnauthorizedError",
            StatusCodes.Status403Forbidden => "NoPermissionError",
            StatusCodes.Status404NotFound => "NotFoundError",
            StatusCodes.Status429TooManyRequests => "TooManyRequestsError",
            _ => "InternalServerError",
        };
        var message = problem.Detail is { } detail ? $"{problem.Title} {detail}" : problem.Title ?? "The request failed.";
        problem.Extensions["errors"] = new[] { new GhostError(message, type) };
    }
}
