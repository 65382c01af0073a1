using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OttobonJobs.Api.Adapters.Scrapers.SampleSites;

namespace OttobonJobs.Tests.Ingestion;

/// <summary>
/// A career site on 127.0.0.1 (Kestrel, a free port). By default it answers like the sample sites, from the same
/// fixtures; a test overrides chosen requests first (an error, a stall, garbage, a huge body). Every request is recorded.
/// </summary>
public sealed class FakeCareerSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SiteRequest> _requests = new();
    private readonly List<Override> _overrides = [];

    private FakeCareerSite(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<SiteRequest> Requests => _requests.ToList();

    /// <summary>How long every answer from the sample fixtures waits, to make requests overlap.</summary>
    public TimeSpan SampleDelay { get; set; }

    /// <summary>The most requests the site was answering at once.</summary>
    public int MostAtOnce => _mostAtOnce;

    private int _atOnce;
    private int _mostAtOnce;

    public static async Task<FakeCareerSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var site = new FakeCareerSite(app);
        app.Run(site.Handle);
        await app.StartAsync();
        site.BaseUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return site;
    }

    /// <summary>Forgets the requests so far (and <see cref="MostAtOnce"/>), e.g. after a first run that found an id to break.</summary>
    public void ClearRequests()
    {
        _requests.Clear();
        Volatile.Write(ref _mostAtOnce, 0);
    }

    /// <summary>Answers the next <paramref name="times"/> requests that match with <paramref name="reply"/>.</summary>
    public void When(Func<SiteRequest, bool> matches, SiteReply reply, int times = int.MaxValue)
    {
        lock (_overrides) _overrides.Add(new Override(matches, reply, times));
    }

    /// <summary>Answers the next <paramref name="times"/> requests that match with their sample answer as <paramref name="change"/> makes it.</summary>
    public void WhenSample(Func<SiteRequest, bool> matches, Func<SiteReply, SiteReply> change, int times = int.MaxValue)
    {
        lock (_overrides) _overrides.Add(new Override(matches, null, times) { Change = change });
    }

    private SiteReply? OverrideFor(SiteRequest request, Func<SiteReply> sample)
    {
        Override? match;
        lock (_overrides)
        {
            match = _overrides.FirstOrDefault(o => o.Remaining > 0 && o.Matches(request));
            if (match is null) return null;
            match.Remaining--;
        }
        return match.Change is { } change ? change(sample()) : match.Reply;
    }

    private async Task Handle(HttpContext context)
    {
        var atOnce = Interlocked.Increment(ref _atOnce);
        InterlockedMax(ref _mostAtOnce, atOnce);
        try
        {
            await Answer(context);
        }
        finally
        {
            Interlocked.Decrement(ref _atOnce);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }

    private async Task Answer(HttpContext context)
    {
        var http = context.Request;
        var body = await new StreamReader(http.Body).ReadToEndAsync();
        var request = new SiteRequest(http.Method, http.Path.Value ?? "/", Uri.UnescapeDataString(http.QueryString.Value ?? ""), body,
            http.Headers.UserAgent.ToString());
        _requests.Enqueue(request);

        var reply = OverrideFor(request, () => FromSamples(request, http.Query)) ?? FromSamples(request, http.Query);
        if (reply.Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(reply.Delay, context.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        if (reply.StallAfterHeaders is { } stall)
        {
            // Headers and the first bytes go out, then nothing: what a site stuck mid-response looks like.
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            try { await Task.Delay(stall, context.RequestAborted); }
            catch (OperationCanceledException) { }
            return;
        }
        if (reply.DeclaredLength is { } declared)
        {
            // A Content-Length the body does not reach: the connection closes short, as a proxy that drops it would.
            context.Response.ContentLength = declared;
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(100, context.RequestAborted); // let the bytes leave before the reset
            context.Abort();
            return;
        }
        if (reply.PaddedTo is { } size)
        {
            await WritePaddingAsync(context, size, reply.DeclareLength);
            return;
        }
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    private SiteReply FromSamples(SiteRequest request, IQueryCollection query)
    {
        var answer = SampleSiteRoutes.Answer(request.Method, request.Path, query, request.Body, BaseUrl);
        return new SiteReply(answer.Status, answer.Body, answer.ContentType) { Delay = SampleDelay };
    }

    /// <summary>A body of <paramref name="size"/> bytes, streamed in chunks unless its length is declared up front.</summary>
    private static async Task WritePaddingAsync(HttpContext context, long size, bool declareLength)
    {
        if (declareLength) context.Response.ContentLength = size;
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)' ');
        try
        {
            for (long sent = 0; sent < size; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, size - sent)), context.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException) { } // the client hung up, as it should
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Override(Func<SiteRequest, bool> matches, SiteReply? reply, int times)
    {
        public Func<SiteRequest, bool> Matches { get; } = matches;
        public SiteReply? Reply { get; } = reply;
        public Func<SiteReply, SiteReply>? Change { get; init; }
        public int Remaining { get; set; } = times;
    }
}

/// <summary>A request as the site saw it; <see cref="Query"/> is decoded.</summary>
public sealed record SiteRequest(string Method, string Path, string Query, string Body, string UserAgent)
{
    /// <summary>True when the path or query contains <paramref name="text"/>.</summary>
    public bool Mentions(string text) => (Path + Query).Contains(text, StringComparison.OrdinalIgnoreCase);
}

public sealed record SiteReply(int Status, string Body = "", string ContentType = "text/html; charset=utf-8")
{
    public TimeSpan Delay { get; init; }
    public long? PaddedTo { get; init; }
    public bool DeclareLength { get; init; }
    public TimeSpan? StallAfterHeaders { get; init; }
    public long? DeclaredLength { get; init; }

    /// <summary>A page as sites serve it: a fragment is wrapped in &lt;html&gt;&lt;body&gt;…&lt;/body&gt;&lt;/html&gt;.</summary>
    public static SiteReply Html(string html) =>
        new(200, html.Contains("</html>", StringComparison.OrdinalIgnoreCase) ? html : $"<!DOCTYPE html><html><body>{html}</body></html>");

    /// <summary>The first <paramref name="fraction"/> of this body, sent as if it were all: a page cut off mid-element.</summary>
    public SiteReply CutOff(double fraction) => this with { Body = Body[..(int)(Body.Length * fraction)] };

    /// <summary>Headers and the start of <paramref name="body"/>, then nothing for <paramref name="stall"/>.</summary>
    public static SiteReply HeadersThenStall(TimeSpan stall, string body = "<!DOCTYPE html><html><body>") =>
        new(200, body) { StallAfterHeaders = stall };

    /// <summary>A Content-Length of <paramref name="declared"/> bytes, and only <paramref name="body"/> before the connection closes.</summary>
    public static SiteReply ShorterThanDeclared(string body, long declared) => new(200, body) { DeclaredLength = declared };
    public static SiteReply Json(string json) => new(200, json, "application/json");
    public static SiteReply Error(int status) => new(status, $"Fake career site error {status}", "text/plain");
    public static SiteReply Stall(TimeSpan delay) => new(200, "<html></html>") { Delay = delay };

    /// <summary>A 200 whose body is <paramref name="bytes"/> long: with a Content-Length, or streamed without one.</summary>
    public static SiteReply Huge(long bytes, bool declareLength) => new(200) { PaddedTo = bytes, DeclareLength = declareLength };
}
