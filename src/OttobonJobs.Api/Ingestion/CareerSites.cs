using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Api.Ingestion;

/// <summary>
/// The registered career-site scrapers. They are transient (each wraps a typed HttpClient from the factory), so they
/// are resolved on each use rather than injected into Wolverine's generated handlers as a captured list.
/// </summary>
public class CareerSites(IServiceProvider services)
{
    public IReadOnlyList<ICareerSiteScraper> All() => services.GetServices<ICareerSiteScraper>().ToList();

    public IReadOnlyList<string> Names() => All().Select(s => s.SourceName).ToList();

    public ICareerSiteScraper? Find(string source) =>
        All().FirstOrDefault(s => s.SourceName.Equals(source.Trim(), StringComparison.OrdinalIgnoreCase));
}
