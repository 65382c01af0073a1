using Microsoft.Extensions.Options;
using OttobonJobs.Api.Adapters.Scrapers.SampleSites;

namespace OttobonJobs.Api.Adapters.Scrapers;

/// <summary>
/// Where each source's career site is: the configured base URL in live mode, the in-process sample server in
/// sample mode (started on first use if the host has not started it yet).
/// </summary>
public sealed class CareerSiteAddresses(IOptions<ScraperSettings> settings, SampleCareerSiteServer sampleServer)
{
    public async Task<Uri> BaseUrlAsync(string source, CancellationToken cancellationToken)
    {
        if (settings.Value.IsSampleMode) return await sampleServer.EnsureStartedAsync(cancellationToken);

        var baseUrl = settings.Value.For(source).BaseUrl;
        return Uri.TryCreate(baseUrl, UriKind.Absolute, out var url)
            ? url
            : throw new InvalidOperationException(
                $"The BaseUrl of source \"{source}\" (under {ScraperSettings.Section}) must be an absolute URL, not \"{baseUrl}\".");
    }
}
