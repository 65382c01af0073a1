using JasperFx.Events.Projections;
using Marten;
using NpgsqlTypes;
using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Projections.Jobs;

public static class JobsStoreConfiguration
{
    /// <summary>The feed's (status, created_at, id) index; the benchmark checks the plan uses it.</summary>
    public const string FeedOrderIndex = "mt_doc_jobfeeditem_idx_feed_order";

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
        // The feed filters on status and pages by (created_at, id) descending: real columns and one index in that
        // order, so the plan is an index scan with no per-row JSON reads or mt_immutable_timestamptz calls.
        opts.Schema.For<JobFeedItem>()
            .Duplicate(x => x.Status)
            .Duplicate(x => x.CreatedAt, pgType: "timestamptz", dbType: NpgsqlDbType.TimestampTz)
            .Index([x => x.Status, x => x.CreatedAt, x => x.Id], index => index.Name = FeedOrderIndex)
            .Index(x => x.CompanyName);
        opts.Schema.For<ProviderListing>().Index(x => x.OwnerId);

        opts.AddEventContract(JobEvents.Contract);
        return opts;
    }
}
