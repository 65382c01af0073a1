using JasperFx;
using Microsoft.Extensions.Options;

namespace OttobonJobs.Api.Hosting;

/// <summary>
/// The entry point. A plain start (no arguments) runs the host itself, because JasperFx's command runner prints
/// "Searching '…' for commands" for every Critter Stack assembly before it runs anything; any argument goes to
/// JasperFx (codegen, describe-event-model, projections, resources, help, …). Invalid settings end the process with
/// exit code 1 and the failures on the console, not a stack trace.
/// </summary>
public static class OttobonCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = OttobonApi.Build(args);
        }
        catch (OptionsValidationException e)
        {
            // Settings read while the host is built (the nightly schedule, the document limits) fail here, before any logger.
            await Console.Error.WriteLineAsync("The settings are not valid:" + string.Concat(e.Failures.Select(f => $"{Environment.NewLine}  {f}")));
            return 1;
        }

        if (args.Length > 0) return await app.RunJasperFxCommands(args);

        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException)
        {
            return 1; // the host has logged which settings are wrong ("Hosting failed to start")
        }
    }
}
