using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace OttobonJobs.Api.Adapters.Scrapers.SampleSites;

/// <summary>
/// The sample career sites on 127.0.0.1, so the scrapers have something to read where the real sites can't be
/// reached (build machines, laptops offline, a first run). Kestrel on its own small host serves the sample files
/// at the paths the real sites use, all four sites at one address: <see cref="BaseUrl"/> once started.
/// It starts with the app in sample mode (Ottobon:Scrapers:Mode = sample), or on first use.
/// </summary>
public sealed class SampleCareerSiteServer(IOptions<ScraperSettings> settings, ILogger<SampleCareerSiteServer> log)
    : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private WebApplication? _app;

    /// <summary>Where the sample sites are served, e.g. http://127.0.0.1:40123/; null until started.</summary>
    public Uri? BaseUrl { get; private set; }

    /// <summary>Starts a server on its own, outside any host (tools, tests); dispose it to stop it.</summary>
    public static async Task<SampleCareerSiteServer> StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        var server = new SampleCareerSiteServer(
            Options.Create(new ScraperSettings { SamplePort = port }), NullLogger<SampleCareerSiteServer>.Instance);
        await server.EnsureStartedAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts the server unless it is running, and returns its base URL.</summary>
    public async Task<Uri> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (BaseUrl is { } running) return running;
        await _starting.WaitAsync(cancellationToken);
        try
        {
            return BaseUrl ??= await StartServerAsync(cancellationToken);
        }
        finally
        {
            _starting.Release();
        }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => EnsureStartedAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _starting.WaitAsync(cancellationToken);
        try
        {
            if (_app is null) return;
            await _app.StopAsync(cancellationToken);
            await _app.DisposeAsync();
            _app = null;
            BaseUrl = null;
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    /// <summary>For containers disposed synchronously; blocks only if the server is running.</summary>
    public void Dispose()
    {
        if (_app is not null) StopAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private async Task<Uri> StartServerAsync(CancellationToken cancellationToken)
    {
        // An empty builder: none of the API's configuration (URLs, Kestrel endpoints, logging) leaks into this host.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Value.SamplePort));
        var app = builder.Build();

        Uri? baseUrl = null;
        app.Run(async context =>
        {
            var request = context.Request;
            var body = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
            var answer = SampleSiteRoutes.Answer(request.Method, request.Path.Value ?? "/", request.Query, body, baseUrl!);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        });
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        baseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        _app = app;
        log.LogInformation("Sample career sites served at {BaseUrl} (Ottobon:Scrapers:Mode is sample)", baseUrl);
        return baseUrl;
    }
}
