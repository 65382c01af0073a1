using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Weasel.Postgresql.Tables;
using NpgsqlTypes;
using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Projections.Jobs;

public static class JobsStoreConfiguration
{
    /// <summary>The feed's (status, listed_at, id) index; the benchmark checks the plan uses it.</summary>
    public const string FeedOrderIndex = "mt_doc_jobfeeditem_idx_feed_order";

    /// <summary>The text-search configuration of the feed's full-text vector and of every query against it.</summary>
    public const string TextSearchConfig = "english";

    /// <summary>
    /// The feed's full-text vector: title (weight A), skills (B), company and location (C), the description's plain text
    /// (D). The GIN index is built over exactly this expression, so a query must use <see cref="SearchVector"/> to reach it.
    /// </summary>
    private static string Vector(string alias, string skills) =>
        $"(setweight(to_tsvector('{TextSearchConfig}', coalesce({alias}data ->> 'Title', '')), 'A') || " +
        $"setweight(to_tsvector('{TextSearchConfig}', coalesce({skills}, '')), 'B') || " +
        $"setweight(to_tsvector('{TextSearchConfig}', coalesce({alias}data ->> 'CompanyName', '') || ' ' || coalesce({alias}data ->> 'Location', '')), 'C') || " +
        $"setweight(to_tsvector('{TextSearchConfig}', coalesce({alias}data ->> 'DescriptionText', '')), 'D'))";

    /// <summary>The vector as a query against the feed's table (alias <c>d</c>) writes it.</summary>
    public static readonly string SearchVector = Vector("d.", "d.skills_text");

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
        // The feed filters on status and pages by (listed_at, id) descending (listed at: the site's posting date, or
        // when the job was first seen): real columns and one index in that order, so the plan is an index scan with
        // no per-row JSON reads or mt_immutable_timestamptz calls.
        // The filters read duplicated columns too: q and location are substring matches (trigram GIN indexes, so
        // LIKE '%text%' needs no scan of every row), skill is array containment (GIN), salary a range (btree);
        // the posting-date filter is a range on listed_at, which the feed index already serves.
        opts.Schema.For<JobFeedItem>()
            .Duplicate(x => x.Status)
            .Duplicate(x => x.ListedAt, pgType: "timestamptz", dbType: NpgsqlDbType.TimestampTz)
            .Index([x => x.Status, x => x.ListedAt, x => x.Id], index => index.Name = FeedOrderIndex)
            .Duplicate(x => x.SearchText, configure: Trigram)
            .Duplicate(x => x.LocationKey, configure: Trigram)
            .Duplicate(x => x.CompanyKey)
            .Duplicate(x => x.SkillKeys, pgType: "text[]", dbType: NpgsqlDbType.Array | NpgsqlDbType.Text,
                configure: index => index.Method = IndexMethod.gin)
            .Duplicate(x => x.SalaryMaxPerYearInr, pgType: "numeric", dbType: NpgsqlDbType.Numeric)
            .Duplicate(x => x.SalaryMinPerYearInr, pgType: "numeric", dbType: NpgsqlDbType.Numeric)
            .Duplicate(x => x.PostedOn, pgType: "timestamptz", dbType: NpgsqlDbType.TimestampTz)
            .Duplicate(x => x.JobType)
            .Duplicate(x => x.WorkMode)
            .Duplicate(x => x.Experience)
            // The full-text vector's index hangs on the skills column (its weight-B part); the rest reads the JSON body.
            .Duplicate(x => x.SkillsText, configure: index =>
            {
                index.Method = IndexMethod.gin;
                index.Mask = Vector("", "?");
            });
        opts.Schema.For<ProviderListing>().Index(x => x.OwnerId);

        opts.AddEventContract(JobEvents.Contract);
        return opts;
    }

    /// <summary>A GIN trigram index (pg_trgm, installed at startup with pgvector) for LIKE '%text%' on the column.</summary>
    private static void Trigram(DocumentIndex index)
    {
        index.Method = IndexMethod.gin;
        index.Mask = "? gin_trgm_ops";
    }
}
