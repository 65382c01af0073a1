using Marten;
using Npgsql;
using OttobonJobs.Api.Email;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Jobs.Browsing;
using OttobonJobs.Api.Jobs.Search;
using OttobonJobs.Api.Matching;
using OttobonJobs.Api.Notifications;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Matching;
using OttobonJobs.Domain.Notifications;
using OttobonJobs.Domain.SavedSearches;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Projections.Resumes;
using OttobonJobs.Projections.SavedSearches;
using Pgvector;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.SavedSearches;

/// <summary>
/// One batch of jobs that just became active: an ingestion run's new jobs (<see cref="BatchId"/> = the run id) or one
/// provider job (<see cref="BatchId"/> = the job id). Every saved search with alerts on is evaluated once against it.
/// </summary>
public record NewJobsBecameActive(Guid BatchId, IReadOnlyList<Guid> JobIds);

/// <summary>Step 1 of one search's evaluation: the outside read (which of the batch match), with no stream held.</summary>
public record EvaluateSavedSearch(Guid SavedSearchId, Guid BatchId, IReadOnlyList<Guid> JobIds);

/// <summary>Step 2: the search's stream decides what the matches mean (a batch evaluated before is nothing new).</summary>
public record RecordSavedSearchEvaluation(Guid SavedSearchId, Guid BatchId, IReadOnlyList<MatchedJob> Matches);

public static class NewJobsBecameActiveHandler
{
    /// <summary>Fans the batch out to each saved search with alerts on (the read model only says which searches to visit).</summary>
    public static async Task<OutgoingMessages> Handle(NewJobsBecameActive batch, IQuerySession session, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        if (batch.JobIds.Count == 0) return outgoing;
        var searches = await session.Query<SavedSearchView>().Where(v => v.Frequency != AlertFrequencies.Off).Select(v => v.Id).ToListAsync(cancellationToken);
        outgoing.AddRange(searches.Select(id => new EvaluateSavedSearch(id, batch.BatchId, batch.JobIds)));
        return outgoing;
    }
}

public static class EvaluateSavedSearchHandler
{
    public static async Task<RecordSavedSearchEvaluation?> Handle(
        EvaluateSavedSearch command, IQuerySession session, NpgsqlDataSource dataSource, QueryEmbeddings embeddings, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var search = await session.Events.AggregateStreamAsync<SavedSearch>(command.SavedSearchId, token: cancellationToken);
        if (search is null || search.IsDeleted || search.Frequency == AlertFrequencies.Off || search.EvaluatedBatches.Contains(command.BatchId)) return null;

        var matching = await SavedSearchMatches.AmongAsync(search, command.JobIds, session, dataSource, embeddings, clock.GetUtcNow(), cancellationToken);
        if (matching.Count == 0) return null;
        var jobs = await session.LoadManyAsync<JobFeedItem>(cancellationToken, matching.ToArray());
        var matches = jobs.Where(j => j.Status == JobStatus.Active)
            .Select(j => new MatchedJob(j.Id, j.Title, j.CompanyName, j.City ?? j.Location)).ToList();
        return new RecordSavedSearchEvaluation(command.SavedSearchId, command.BatchId, matches);
    }
}

public static class RecordSavedSearchEvaluationHandler
{
    /// <summary>
    /// Instant: ONE notification and ONE email for all of the batch's matches. Daily: the matches wait for the digest.
    /// Both keyed by search and batch, so a retry after the commit lands once too.
    /// </summary>
    [Emits(typeof(SavedSearchEvaluated))]
    public static (Events, OutgoingMessages) Handle(
        RecordSavedSearchEvaluation command,
        [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] SavedSearch? search,
        TimeProvider clock)
    {
        var decision = SavedSearchDecisions.RecordEvaluation(search, command.BatchId, command.Matches, clock.GetUtcNow());
        var outgoing = new OutgoingMessages();
        if (decision.Events.OfType<SavedSearchEvaluated>().FirstOrDefault() is { Alerted: true } evaluated)
            outgoing.AddRange(SavedSearchAlert.For(search!, command.BatchId, evaluated.Matches, isDigest: false));
        return (new Events(decision.Events), outgoing);
    }
}

/// <summary>The one notification and one email of one alert.</summary>
public static class SavedSearchAlert
{
    public static string ResultsLink(Guid searchId) => $"/saved-searches/{searchId}";

    public static object[] For(SavedSearch search, Guid batchId, IReadOnlyList<MatchedJob> matches, bool isDigest)
    {
        var title = matches.Count == 1 ? $"1 new job for \"{search.Name}\"" : $"{matches.Count} new jobs for \"{search.Name}\"";
        var body = string.Join(", ", matches.Take(3).Select(m => $"{m.Title} at {m.Company}")) + (matches.Count > 3 ? $" and {matches.Count - 3} more" : "");
        return
        [
            new NotifyUser(search.OwnerId, NotificationKinds.NewMatchingJobs, title, body, ResultsLink(search.Id), SavedSearchIds.AlertKey(search.Id, batchId)),
            new SendSearchAlertEmail(search.OwnerId, search.Id, search.Name, isDigest,
                matches.Select(m => new AlertedJob(m.JobId, m.Title, m.Company, m.Place)).ToList()),
        ];
    }
}

/// <summary>Which of a batch of job ids a saved search would show, by the same rules as its page.</summary>
public static class SavedSearchMatches
{
    public static async Task<IReadOnlyList<Guid>> AmongAsync(
        SavedSearch search, IReadOnlyList<Guid> jobIds, IQuerySession session, NpgsqlDataSource dataSource, QueryEmbeddings embeddings,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = jobIds.Distinct().ToArray();
        switch (search.Kind)
        {
            case SavedSearchKinds.Browse:
                // The feed's own query (every filter exactly as Browse applies it), narrowed to the batch.
                var f = search.Filters ?? new BrowseFilters();
                var filters = new FeedFilters(f.Q, f.Company, f.Location, f.Skill, f.MinSalary, f.PostedWithinDays, f.MaxSalary, f.JobType, f.WorkMode, f.Experience);
                return await JobFeedEndpoint.Query(session, filters, null, now).Where(j => ids.Contains(j.Id)).Select(j => j.Id).ToListAsync(cancellationToken);
            case SavedSearchKinds.Smart:
                return await SmartAsync(search.Question!, ids, dataSource, embeddings, cancellationToken);
            default:
                var resume = await session.LoadAsync<SeekerResume>(search.OwnerId, cancellationToken);
                if (resume is null) return [];
                var fits = await JobFits.ScoreAsync(session, dataSource, resume, ids, cancellationToken);
                var minimum = (search.MinFit ?? SavedSearchDecisions.DefaultMinFit) / 100.0;
                return fits.Where(fit => fit.Value.MatchScore >= minimum).Select(fit => fit.Key).ToList();
        }
    }

    /// <summary>
    /// A smart search's matches: the question read as Smart search reads it (<see cref="SearchQueryReader"/>, its filters
    /// by <see cref="SearchFilters"/>), and a job counts when Smart search would label it a strong or good match
    /// (<see cref="SearchRelevance"/>, from every word being in the job and the cosine of question and job).
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> SmartAsync(
        string question, Guid[] ids, NpgsqlDataSource dataSource, QueryEmbeddings embeddings, CancellationToken cancellationToken)
    {
        var understood = SearchQueryReader.Read(question);
        var filters = SearchFilters.Of(understood);
        var table = $"{EventStoreSetup.MartenSchema}.{JobSearchIndexProjection.TableName}";
        var hasText = understood.Text.Length > 0;
        var sql = hasText
            ? $"""
               SELECT job_id, search_text @@ websearch_to_tsquery('english', @query),
                      CASE WHEN embedding IS NOT NULL AND embedding_model = @model THEN 1 - (embedding <=> @vector) END
               FROM {table} s WHERE active AND job_id = ANY(@jobs){filters.Sql}
               """
            : $"SELECT job_id, true, NULL::float8 FROM {table} s WHERE active AND job_id = ANY(@jobs){filters.Sql}";
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("jobs", ids);
        if (hasText)
        {
            command.Parameters.AddWithValue("query", understood.Text);
            command.Parameters.AddWithValue("model", embeddings.Model);
            command.Parameters.AddWithValue("vector", new Vector(await embeddings.EmbedAsync(understood.Text, cancellationToken)));
        }
        foreach (var (name, value) in filters.Parameters) command.Parameters.AddWithValue(name, value);

        var rows = new List<(Guid Id, bool Keyword, double? Similarity)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                rows.Add((reader.GetGuid(0), reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetDouble(2)));
        if (!hasText) return rows.Select(r => r.Id).ToList();
        var best = rows.Max(r => r.Similarity);
        return rows.Where(r => SearchRelevance.FitsWell(SearchRelevance.Of(r.Keyword, r.Similarity, best))).Select(r => r.Id).ToList();
    }
}
