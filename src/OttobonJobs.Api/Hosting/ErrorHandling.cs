using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace OttobonJobs.Api.Hosting;

public static class ErrorHandling
{
    public static IServiceCollection AddOttobonErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        return services;
    }

    public static WebApplication UseOttobonErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Fills empty error responses (404 for unknown API paths, 405, 415) with a problem body.
        app.UseStatusCodePages();
        return app;
    }
}

/// <summary>Turns exceptions into problem responses: the client gets a clear sentence, the log gets the details.</summary>
public class UnhandledExceptionHandler(ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "The request body is too large."),
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read. Check its format and try again."),
            JsonException => (StatusCodes.Status400BadRequest, "The request body is not valid JSON."),
            // Someone else changed the same stream between our read and our commit: nothing was written.
            _ when WriteConflicts.IsConflict(exception) =>
                (StatusCodes.Status409Conflict, "Someone else changed this at the same moment. Reload it and try again."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested =>
                (499, "The request was cancelled."),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side. Please try again."),
        };

        if (status >= 500) logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        else logger.LogInformation("Rejected {Method} {Path}: {Message}", context.Request.Method, context.Request.Path, exception.Message);

        await ApiProblems.Write(context, status, detail);
        return true;
    }
}
