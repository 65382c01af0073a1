using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OttobonJobs.Tests.Support;

/// <summary>
/// A real S3-protocol server on loopback: the npm package s3rver, pinned in <c>tests/tools</c> and installed by
/// <c>scripts/install-deps.sh</c>. It speaks the S3 protocol and refuses unknown credentials and expired presigned
/// URLs as S3 does (it does not recompute SigV4 signatures), with one bucket made at start. Missing node or s3rver fails the test class: S3 storage is never silently untested.
/// </summary>
public sealed class S3rver : IAsyncDisposable
{
    public const string AccessKey = "S3RVER"; // s3rver's built-in account
    public const string SecretKey = "S3RVER";
    public const string Bucket = "ottobon-files";

    private readonly Process _process;
    private readonly DirectoryInfo _data;

    private S3rver(Process process, DirectoryInfo data, string serviceUrl)
    {
        _process = process;
        _data = data;
        ServiceUrl = serviceUrl;
    }

    public string ServiceUrl { get; }

    /// <summary>The settings that point the API at this server's bucket.</summary>
    public Dictionary<string, string?> StorageSettings() => new()
    {
        ["Ottobon:Storage:Provider"] = "s3",
        ["Ottobon:Storage:S3:Bucket"] = Bucket,
        ["Ottobon:Storage:S3:ServiceUrl"] = ServiceUrl,
        ["Ottobon:Storage:S3:ForcePathStyle"] = "true",
        ["Ottobon:Storage:S3:AccessKey"] = AccessKey,
        ["Ottobon:Storage:S3:SecretKey"] = SecretKey,
    };

    public static async Task<S3rver> StartAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "tests", "tools", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
            throw new InvalidOperationException($"s3rver is not installed ({script} is missing): run scripts/install-deps.sh, or npm ci in tests/tools.");

        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("ottobon-s3rver-");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, "--address", "127.0.0.1", "--port", port.ToString(), "--directory", data.FullName, "--configure-bucket", Bucket, "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("node is not on the PATH: the S3 storage tests run s3rver with it (scripts/install-deps.sh installs it).", e);
        }

        var server = new S3rver(process, data, $"http://127.0.0.1:{port}");
        await server.WaitUntilAnswering();
        return server;
    }

    private async Task WaitUntilAnswering()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"s3rver exited with code {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()}");
            try
            {
                // Unsigned, so refused; any answer means it is listening and the bucket was made.
                using var response = await http.GetAsync($"{ServiceUrl}/{Bucket}");
                if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"s3rver did not answer on {ServiceUrl} within 30 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _data.Delete(recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "OttobonJobs.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root (with OttobonJobs.sln) was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The API with its files in an s3rver bucket, written with server-side encryption AES256.</summary>
public class S3ApiFixture : ApiFixture
{
    public S3rver S3 { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        S3 = await S3rver.StartAsync();
        await base.InitializeAsync();
    }

    protected override IDictionary<string, string?> Settings()
    {
        var settings = S3.StorageSettings();
        settings["Ottobon:Storage:S3:ServerSideEncryption"] = "AES256";
        return settings;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await S3.DisposeAsync();
    }
}
