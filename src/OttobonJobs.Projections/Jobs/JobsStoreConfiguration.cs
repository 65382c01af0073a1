using JasperFx.Events.Projections;
using Marten;
using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Projections.Jobs;

public static class JobsStoreConfiguration
{
    /// <summary>
    /// Job read models are inline: a provider sees their post, and search sees its vector, in the same
    /// transaction that records the event.
    /// </summary>
    public static StoreOptions AddJobs(this StoreOptions opts, int embeddingDimensions)
    {
        opts.Projections.Add<JobAggregate>(ProjectionLifecycle.Live);
        opts.Projections.Add<JobDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<JobFeedItemProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ProviderListingProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add(new JobSearchIndexProjection(opts.DatabaseSchemaName, embeddingDimensions), ProjectionLifecycle.Inline);

        opts.Schema.For<JobDetails>().Index(x => x.DescriptionHash).Index(x => x.Status);
        opts.Schema.For<JobFeedItem>().Index(x => x.Status).Index(x => x.CreatedAt).Index(x => x.CompanyName);
        opts.Schema.For<ProviderListing>().Index(x => x.OwnerId);

        opts.AddEventContract(JobEvents.Contract);
        return opts;
    }
}
