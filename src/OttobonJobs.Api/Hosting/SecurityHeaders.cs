using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace OttobonJobs.Api.Hosting;

/// <summary>Forwarded headers from trusted proxies (<c>Ottobon:ForwardedHeaders</c>).</summary>
public class ForwardedHeadersSettings
{
    public const string Section = "Ottobon:ForwardedHeaders";

    /// <summary>
    /// Addresses of the reverse proxies whose X-Forwarded-For/-Proto are believed, e.g. <c>["10.0.0.5"]</c>.
    /// Empty (the default): only loopback proxies are trusted, as ASP.NET Core does.
    /// </summary>
    [IpAddresses]
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>["172.18.0.0/16"]</c> for a Docker network.</summary>
    [IpNetworks]
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// Browser security headers on every response (NetEscapades.AspNetCore.SecurityHeaders), no <c>Server</c> header,
/// and the client's real address and scheme from trusted proxies, so per-client limits and HSTS work behind one.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The API reference page (Scalar) runs an inline bootstrap script and inline styles; only it gets a looser policy.</summary>
    public const string ApiReferencePath = "/api/docs";

    public static WebApplicationBuilder AddOttobonSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        builder.Services.AddValidatedSettings<ForwardedHeadersSettings>(builder.Configuration, ForwardedHeadersSettings.Section);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in settings.Value.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in settings.Value.KnownNetworks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return builder;
    }

    public static WebApplication UseOttobonSecurityHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();

        var product = Policies(allowInline: false);
        var reference = Policies(allowInline: true);
        app.UseWhen(context => !context.Request.Path.StartsWithSegments(ApiReferencePath), branch => branch.UseSecurityHeaders(product));
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ApiReferencePath), branch => branch.UseSecurityHeaders(reference));
        return app;
    }

    /// <summary>
    /// One policy for the SPA and the API alike: everything from our own origin only (connect-src 'self' covers the
    /// same-origin ws:/wss: sockets), no inline script, no framing, no plugins.
    /// </summary>
    private static HeaderPolicyCollection Policies(bool allowInline) => new HeaderPolicyCollection()
        .AddDefaultSecurityHeaders()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            var scripts = csp.AddScriptSrc().Self();
            var styles = csp.AddStyleSrc().Self();
            if (allowInline)
            {
                scripts.UnsafeInline();
                styles.UnsafeInline();
            }
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self().Data();
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        })
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddContentTypeOptionsNoSniff()
        .AddStrictTransportSecurityMaxAgeIncludeSubDomains()
        .RemoveServerHeader();
}
