using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace OttobonJobs.Api.Hosting;

public static class ErrorHandling
{
    public static IServiceCollection AddOttobonErrorHandling(this IServiceCollection services)
    {
        // Problems written by the framework (status code pages, 404 for an unparseable route id, 405, 415) get a detail too.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = problem =>
            problem.ProblemDetails.Detail ??= DefaultDetail(problem.ProblemDetails.Status ?? problem.HttpContext.Response.StatusCode));
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        return services;
    }

    public static WebApplication UseOttobonErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Fills empty error responses (404 for unknown API paths, 405, 415) with a problem body.
        app.UseStatusCodePages();
        app.UseMiddleware<MalformedRequests>();
        return app;
    }

    /// <summary>Seconds a client is asked to wait when the database is unavailable.</summary>
    public const int DatabaseRetryAfterSeconds = 5;

    public static string DefaultDetail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request could not be read. Check its format and try again.",
        StatusCodes.Status401Unauthorized => "Sign in to do this.",
        StatusCodes.Status403Forbidden => "You are not allowed to do this.",
        StatusCodes.Status404NotFound => "Nothing was found at this address. Check the link or the id in it.",
        StatusCodes.Status405MethodNotAllowed => "This address does not accept that HTTP method.",
        StatusCodes.Status406NotAcceptable => "This endpoint answers in JSON only: accept application/json.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "This endpoint does not accept that content type; send application/json.",
        StatusCodes.Status429TooManyRequests => "Too many requests. Please wait a minute and try again.",
        StatusCodes.Status503ServiceUnavailable => "The service is unavailable right now. Please try again shortly.",
        >= 500 => "Something went wrong on our side. Please try again.",
        _ => "The request was refused.",
    };

    /// <summary>The database cannot be reached (refused, reset, timed out, shutting down): a 503 to retry, not a 500.</summary>
    public static bool IsDatabaseUnavailable(Exception? exception) => exception switch
    {
        null => false,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CrashShutdown,
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException } => true,
        NpgsqlException npgsql when npgsql.IsTransient => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsDatabaseUnavailable),
        _ => IsDatabaseUnavailable(exception.InnerException),
    };

    /// <summary>Text PostgreSQL cannot store (a NUL, or bytes invalid in its encoding) that got past the request checks.</summary>
    public static bool IsUnstorableText(Exception? exception) => exception switch
    {
        null => false,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter,
        _ => IsUnstorableText(exception.InnerException),
    };
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
            _ when ErrorHandling.IsUnstorableText(exception) =>
                (StatusCodes.Status400BadRequest, "The request contains characters that cannot be stored (such as NUL). Remove them and try again."),
            _ when ErrorHandling.IsDatabaseUnavailable(exception) =>
                (StatusCodes.Status503ServiceUnavailable, "The service is unavailable right now (its database cannot be reached). Please try again shortly."),
            // Someone else changed the same stream between our read and our commit: nothing was written.
            _ when WriteConflicts.IsConflict(exception) =>
                (StatusCodes.Status409Conflict, "Someone else changed this at the same moment. Reload it and try again."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested =>
                (499, "The request was cancelled."),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side. Please try again."),
        };

        if (status >= 500) logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        else logger.LogInformation("Rejected {Method} {Path}: {Message}", context.Request.Method, context.Request.Path, exception.Message);

        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = ErrorHandling.DatabaseRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ApiProblems.Write(context, status, detail);
        return true;
    }
}
