using System.Net;
using Alba;
using Npgsql;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Jobs;

/// <summary>
/// A database used with the local model (384 dimensions), then by the API configured for OpenAI embeddings of
/// another size (8 here, from the fake OpenAI server).
/// </summary>
public class when_switching_embedding_models : IAsyncLifetime
{
    private const string NewModel = "text-embedding-3-small";
    private TestDatabase _database = null!;
    private FakeOpenAiServer _openAi = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _openAi = await FakeOpenAiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _openAi.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static float[] UnitVector(int hot) => Enumerable.Range(0, 8).Select(i => i == hot ? 1f : 0f).ToArray();

    [Fact]
    public async Task the_vector_columns_are_resized_new_jobs_are_embedded_and_refresh_embeds_the_old_ones_again()
    {
        Guid oldJob;
        await using (var local = await ApiFixture.StartHostAsync(_database.ConnectionString))
        {
            var provider = await local.SignedUpProvider();
            oldJob = await local.PostedJob(provider, "Audit Associate", "Assist in statutory audits of listed companies under Ind AS.", ["Statutory audit"]);
            await local.UploadedResume(await local.SignedUpSeeker(), ResumeFiles.OnePagePdf(), "resume.pdf");
        }
        (await Scalar("SELECT count(*) FROM ottobon.job_search_index WHERE embedding_dimensions = 384")).ShouldBe(1);

        await using var switched = await ApiFixture.StartHostAsync(_database.ConnectionString,
            new Dictionary<string, string?>(_openAi.ApiSettings()) { ["Ottobon:OpenAi:EmbeddingDimensions"] = "8" });

        // The columns now take the new size; the old vectors, which they cannot hold, are gone.
        (await Scalar("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'ottobon.job_search_index'::regclass AND attname = 'embedding'")).ShouldBe("vector(8)");
        (await Scalar("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'ottobon.resume_embeddings'::regclass AND attname = 'embedding'")).ShouldBe("vector(8)");
        (await Scalar("SELECT count(*) FROM ottobon.job_search_index WHERE embedding IS NOT NULL")).ShouldBe(0);
        (await Scalar("SELECT count(*) FROM ottobon.resume_embeddings")).ShouldBe(0);

        // A new job is enriched and embedded by the new model.
        _openAi.ReplyToChat(FakeOpenAi.EnrichmentAnswer());
        _openAi.ReplyToEmbedding(UnitVector(3));
        var newJob = await switched.PostedJob(await switched.SignedUpProvider(), "Tax Analyst", "Prepare GST returns and reconcile input tax credit.", ["GST"]);
        (await switched.JobDetails(newJob))!.Status.ShouldBe(JobStatus.Active);

        // Refresh embeds the old job and the resume again, keeping the job's enrichment (no chat call).
        _openAi.ReplyToEmbedding(UnitVector(5));
        _openAi.ReplyToEmbedding(UnitVector(6));
        var chatCalls = _openAi.RequestsTo(FakeOpenAiServer.ChatCompletions).Count;
        var admin = await switched.SignedInAdmin();
        IScenarioResult refresh = null!;
        await switched.ExecuteAndWaitAsync(async () => refresh = await switched.Scenario(s =>
        {
            s.Post.Url("/api/admin/embeddings/refresh");
            s.As(admin);
            s.StatusCodeShouldBe(HttpStatusCode.Accepted);
        }), JobScenarios.EnrichmentTimeoutMs);

        var queued = refresh.Json();
        (queued.GetProperty("model").GetString(), queued.GetProperty("jobs_queued").GetInt32(), queued.GetProperty("resumes_queued").GetInt32())
            .ShouldBe((NewModel, 1, 1));
        _openAi.RequestsTo(FakeOpenAiServer.ChatCompletions).Count.ShouldBe(chatCalls);
        (await switched.JobDetails(oldJob))!.EmbeddingModel.ShouldBe(NewModel);
        (await Scalar($"SELECT count(*) FROM ottobon.job_search_index WHERE embedding_model = '{NewModel}' AND embedding_dimensions = 8")).ShouldBe(2);
        (await Scalar($"SELECT count(*) FROM ottobon.resume_embeddings WHERE embedding_model = '{NewModel}'")).ShouldBe(1);

        var seeker = await switched.SignedUpSeeker();
        await switched.Scenario(s => { s.Post.Url("/api/admin/embeddings/refresh"); s.As(seeker); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
    }

    private async Task<object?> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is long count ? (int)count : value;
    }
}
