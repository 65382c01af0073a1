using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace OttobonJobs.Api.Hosting;

/// <summary>Every error the API sends is an RFC 7807 problem with a human-readable <c>detail</c>.</summary>
public static class ApiProblems
{
    public static ProblemDetails Problem(int status, string detail) => new()
    {
        Status = status,
        Title = ReasonPhrases.GetReasonPhrase(status),
        Detail = detail,
    };

    public static IResult Result(int status, string detail) => Results.Problem(Problem(status, detail));

    public static ProblemDetails Validation(string detail) => Problem(StatusCodes.Status422UnprocessableEntity, detail);

    public static Task Write(HttpContext context, int status, string detail) =>
        Results.Problem(Problem(status, detail)).ExecuteAsync(context);
}
