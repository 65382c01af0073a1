using Microsoft.AspNetCore.Mvc;
using OttobonJobs.Domain.Decisions;

namespace OttobonJobs.Api.Hosting;

/// <summary>A domain refusal as the HTTP answer: one status per kind, the reason as the problem's detail.</summary>
public static class Refusals
{
    public static int StatusFor(RefusalKind kind) => kind switch
    {
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.StaleVersion => StatusCodes.Status412PreconditionFailed,
        RefusalKind.Invalid => StatusCodes.Status422UnprocessableEntity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ProblemDetails ToProblem(this Refusal refusal) => ApiProblems.Problem(StatusFor(refusal.Kind), refusal.Reason);

    public static IResult ToResult(this Refusal refusal) => Results.Problem(refusal.ToProblem());
}
