using System.Diagnostics;
using System.Text;

namespace OttobonJobs.Tests.Hosting;

/// <summary>
/// The built API as a child process (<c>dotnet OttobonJobs.Api.dll</c>, no arguments, Production), as a container or
/// run-product.sh starts it, with one bad setting: it exits with 1 and says which setting, in plain words, and prints no
/// JasperFx command discovery ("Searching '…' for commands"), which a plain start used to print before anything else.
/// No database is contacted: the settings are checked first.
/// </summary>
public class when_the_api_process_starts
{
    private static async Task<(int ExitCode, string Output)> RunApi(params (string Key, string Value)[] settings)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["OTTOBON_DATABASE_URL"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Timeout=1";
        start.Environment["OTTOBON_JWT_SECRET"] = Support.ApiFixture.JwtSecret;
        start.Environment["OTTOBON_SCRAPER_MODE"] = "sample";
        foreach (var (key, value) in settings) start.Environment[key] = value;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The API did not exit within 90 s; its output:{Environment.NewLine}{output}");
        }
        process.WaitForExit(); // drains the redirected output
        lock (output) return (process.ExitCode, output.ToString());
    }

    [Fact]
    public async Task a_setting_checked_on_start_stops_it_with_exit_code_1_naming_the_setting_and_no_discovery_noise()
    {
        var (exitCode, output) = await RunApi(("Ottobon__Chat__SilenceLimit", "00:00:00"));

        exitCode.ShouldBe(1, output);
        output.ShouldContain("Ottobon:Chat:SilenceLimit must be between 00:00:01 and 01:00:00, was 00:00:00");
        output.ShouldNotContain("for commands");
        output.ShouldNotContain("Unhandled exception");
    }

    [Fact]
    public async Task a_setting_read_while_the_host_is_built_stops_it_the_same_way()
    {
        var (exitCode, output) = await RunApi(("Ottobon__Ingestion__Cron", "0 25 * * *"));

        exitCode.ShouldBe(1, output);
        output.ShouldContain("The settings are not valid:");
        output.ShouldContain("Ottobon:Ingestion:Cron must be a cron expression");
        output.ShouldNotContain("Unhandled exception");
    }
}
