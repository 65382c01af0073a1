using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Projections;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Jobs;

/// <summary>
/// The search table (HNSW + GIN) is written once per job per batch, and a rebuild empties it, replays the job events
/// without its indexes and builds them again.
/// </summary>
public class when_rebuilding_read_models(ApiWithScriptedAi api) : IClassFixture<ApiWithScriptedAi>
{
    private static readonly string Table = $"ottobon.{JobSearchIndexProjection.TableName}";

    private string Database => new NpgsqlConnectionStringBuilder(api.DatabaseConnectionString).Database!;

    private int Dimensions => api.Host.Services.GetRequiredService<IEmbeddingGenerator>().Dimensions;

    private object[] LifeOf(Guid id, string title)
    {
        var at = DateTimeOffset.UtcNow;
        var enrichment = new JobEnrichment([], [], ["Kubernetes", "Terraform"], new SalaryRange("INR", 1, 2, "year", "₹1 – ₹2"), "Entry", "Any degree");
        var vector = Enumerable.Range(0, Dimensions).Select(i => i == 0 ? 1f : 0f).ToArray();
        return
        [
            new JobScraped(id, "test", "Foldco", id.ToString("N"), null, title, "Pune", "<p>Run the <b>cloud</b> platform.</p>", "hash", null, null, at),
            new JobEnriched(enrichment, "scripted", "hash", at),
            new JobEmbedded("scripted-model", vector.Length, vector, "hash", at),
            new JobActivated(at),
        ];
    }

    [Fact]
    public async Task a_jobs_events_in_one_transaction_write_its_search_row_with_one_statement()
    {
        var id = Guid.NewGuid();
        using var capture = new SqlCapture(Database);
        await using (var session = api.Store.LightweightSession())
        {
            session.Events.StartStream<Job>(id, LifeOf(id, "Fold role"));
            await session.SaveChangesAsync();
        }

        var writes = capture.Statements.Where(s => s.Contains(JobSearchIndexProjection.TableName, StringComparison.OrdinalIgnoreCase)).ToList();
        writes.Count.ShouldBe(1);
        writes[0].ShouldStartWith("INSERT", Case.Insensitive);
    }

    [Fact]
    public async Task the_folded_row_is_the_row_the_events_make_one_by_one()
    {
        var folded = Guid.NewGuid();
        var oneByOne = Guid.NewGuid();
        await using (var session = api.Store.LightweightSession())
        {
            session.Events.StartStream<Job>(folded, LifeOf(folded, "Same role"));
            await session.SaveChangesAsync();
        }
        var events = LifeOf(oneByOne, "Same role");
        for (var i = 0; i < events.Length; i++)
        {
            await using var session = api.Store.LightweightSession();
            if (i == 0) session.Events.StartStream<Job>(oneByOne, events[0]);
            else session.Events.Append(oneByOne, events[i]);
            await session.SaveChangesAsync();
        }

        var rows = await Rows($"where job_id in ('{folded}', '{oneByOne}')");
        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(rows[1]);
        rows[0].ShouldContain("'terraform':"); // the enrichment's skills were appended to the search text
        rows[0].ShouldContain("|True|");
    }

    [Fact]
    public async Task a_rebuild_empties_the_table_replays_the_jobs_and_builds_the_indexes_again()
    {
        var provider = await api.Host.SignedUpProvider();
        await api.Host.PostedJob(provider, title: "Rebuilt role");
        var indexes = await Scalars("select indexdef from pg_indexes where schemaname = 'ottobon' and tablename = @table order by indexname");
        indexes.Count.ShouldBe(3); // the key, the text (GIN) and the embedding (HNSW) index
        var before = await Rows("");
        await InsertStrayRow();

        await ReadModelRebuild.RebuildAsync(api.Store, "JobSearchIndex", CancellationToken.None);

        (await Rows("")).ShouldBe(before);
        (await Scalars("select indexdef from pg_indexes where schemaname = 'ottobon' and tablename = @table order by indexname")).ShouldBe(indexes);
    }

    [Fact]
    public async Task the_daemons_own_rebuild_empties_the_table_too()
    {
        var provider = await api.Host.SignedUpProvider();
        await api.Host.PostedJob(provider, title: "Daemon rebuilt role");
        var before = await Rows("");
        await InsertStrayRow();

        // What `projections rebuild` does: Marten's teardown alone, no TRUNCATE of ours.
        using var daemon = await api.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync("JobSearchIndex", CancellationToken.None);

        (await Rows("")).ShouldBe(before);
    }

    [Fact]
    public async Task rebuilt_feed_items_keep_the_columns_the_feed_pages_by()
    {
        var provider = await api.Host.SignedUpProvider();
        await api.Host.PostedJob(provider, title: "Feed column role");
        const string columns = "select concat_ws('|', id, status, listed_at, search_text, location_key, company_key, skill_keys, " +
                               "salary_max_per_year_inr) from ottobon.mt_doc_jobfeeditem order by id";
        var before = await Scalars(columns);

        // Rebuilt documents may go in by COPY (ReadModelRebuild.Configure): the duplicated columns must come along.
        await ReadModelRebuild.RebuildAsync(api.Store, "JobFeedItem", CancellationToken.None);

        (await Scalars(columns)).ShouldBe(before);
        before.ShouldNotBeEmpty();
        before.ShouldContain(row => row.Contains("feed column role"), "the filter columns are filled too");
    }

    [Fact]
    public async Task every_stored_projection_is_rebuilt_and_chat_notifications_are_not_replayed()
    {
        var names = ReadModelRebuild.Projections(api.Store).Select(p => p.Name).ToList();
        names.ShouldBe(["UserAccount", "JobDetails", "JobFeedItem", "ProviderListing", "JobSearchIndex", "SeekerResume", "ResumeVectors",
            "IngestionRunLog", "ChatSessionView", "ChatSession", "ChatTranscript", "UserNotification", "ApplicantView", "ApplicationView", "SavedSearchView", "TailoredResumes"], ignoreOrder: true);
    }

    /// <summary>A row no job event explains, like the benchmark's vector-only rows: a rebuild must not keep it.</summary>
    private async Task InsertStrayRow()
    {
        await using var connection = await Open();
        await using var stray = new NpgsqlCommand($"insert into {Table} (job_id, title, active) values (@id, 'Stray', true)", connection);
        stray.Parameters.AddWithValue("id", Guid.NewGuid());
        await stray.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> Open()
    {
        var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<List<string>> Scalars(string sql)
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("table", JobSearchIndexProjection.TableName);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>Every column but the id, so two jobs with the same events compare equal.</summary>
    private async Task<List<string>> Rows(string where)
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand(
            $"select job_id, title, company_name, location, description, search_text::text, active, embedding::text, embedding_model, embedding_dimensions " +
            $"from {Table} {where} order by job_id", connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(1, reader.FieldCount - 1).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
        return rows;
    }
}
