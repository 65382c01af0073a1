using System.Net;
using Npgsql;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Domain.Jobs;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Jobs;

/// <summary>Keyset paging of GET /api/jobs/feed: newest first, ties by id, through the cursor the API hands out.</summary>
public class when_paging_the_feed(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly DateTimeOffset Batch = new DateTimeOffset(2026, 11, 30, 16, 30, 0, 123, TimeSpan.Zero).AddTicks(4567);

    [Fact]
    public async Task jobs_scraped_at_one_instant_are_each_visited_exactly_once_in_order()
    {
        var company = Company();
        var batch = await Scraped(company, Batch, 23);
        var later = await Scraped(company, Batch.AddMinutes(5), 4);

        var visited = await PageThrough($"company={Uri.EscapeDataString(company)}", limit: 5);

        visited.ShouldBe(Ordered(later).Concat(Ordered(batch)).ToList());
    }

    [Fact]
    public async Task a_job_arriving_between_pages_neither_repeats_nor_skips_a_job()
    {
        var company = Company();
        var batch = await Scraped(company, Batch, 9);
        var filter = $"company={Uri.EscapeDataString(company)}";

        var first = await Page($"{filter}&limit=4");
        var arrived = await Scraped(company, Batch.AddHours(1), 1);
        var rest = await PageThrough(filter, limit: 4, cursor: first.NextCursor);

        first.Ids.Concat(rest).ShouldBe(Ordered(batch));
        rest.ShouldNotContain(arrived[0]);
        (await Page($"{filter}&limit=1")).Ids.ShouldBe(arrived, "the new job heads the feed from the first page on");
    }

    [Fact]
    public async Task filters_hold_across_pages()
    {
        var company = Company();
        var inPune = await Scraped(company, Batch, 6, location: "Pune");
        await Scraped(company, Batch, 5, location: "Chennai");
        await Scraped(Company(), Batch, 5, location: "Pune");

        var visited = await PageThrough($"company={Uri.EscapeDataString(company)}&location=pune", limit: 4);

        visited.ShouldBe(Ordered(inPune));
    }

    [Fact]
    public async Task jobs_are_ordered_by_the_sites_posting_date_or_when_first_seen_without_one()
    {
        var company = Company();
        var postedLongAgo = await Scraped(company, Batch, 1, postedOn: Batch.AddDays(-10));
        var undated = await Scraped(company, Batch.AddDays(-1), 1);
        var postedBeforeSeen = await Scraped(company, Batch.AddDays(-2), 1, postedOn: Batch.AddDays(-3));
        var postedInTheFuture = await Scraped(company, Batch.AddDays(-5), 1, postedOn: Batch.AddDays(1));

        var visited = await PageThrough($"company={Uri.EscapeDataString(company)}", limit: 1);

        visited.ShouldBe([undated[0], postedBeforeSeen[0], postedInTheFuture[0], postedLongAgo[0]]);
        var cards = (await api.Host.Scenario(s => s.Get.Url($"/api/jobs/feed?company={Uri.EscapeDataString(company)}"))).Json()
            .GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid());
        cards[undated[0]].GetProperty("posted_on").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        cards[postedLongAgo[0]].GetProperty("posted_on").GetDateTimeOffset().ShouldBe(Batch.AddDays(-10));
        cards[postedLongAgo[0]].GetProperty("created_at").GetDateTimeOffset().ShouldBe(Batch, TimeSpan.FromMilliseconds(1));
        cards[postedInTheFuture[0]].GetProperty("posted_on").GetDateTimeOffset().ShouldBe(Batch.AddDays(-5), TimeSpan.FromMilliseconds(1), "clamped to when it was first seen");
        var within = await PageThrough($"company={Uri.EscapeDataString(company)}&posted_within_days=7", limit: 10);
        within.ShouldNotContain(postedLongAgo[0], "the posting-date filter reads the posting date");
    }

    [Fact]
    public async Task the_last_page_says_there_is_no_more()
    {
        var company = Company();
        await Scraped(company, Batch, 3);

        var page = await Page($"company={Uri.EscapeDataString(company)}&limit=3");

        page.Ids.Count.ShouldBe(3);
        page.HasMore.ShouldBeFalse();
        page.NextCursor.ShouldBeNull();
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("AQAAAAAAAAAA")]
    [InlineData("AgAGRcLj1gRyAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%2B%2F%3D%3D")]
    public async Task a_malformed_or_forged_cursor_is_a_400_naming_it(string cursor)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url($"/api/jobs/feed?cursor={cursor}");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        result.Detail().ShouldContain("cursor");
    }

    [Fact]
    public async Task the_feed_order_has_one_index_over_real_columns()
    {
        await api.Store.Storage.Database.EnsureStorageExistsAsync(typeof(JobFeedItem));
        await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT indexdef FROM pg_indexes WHERE indexname = @name", connection);
        command.Parameters.AddWithValue("name", JobsStoreConfiguration.FeedOrderIndex);
        var definition = (string?)await command.ExecuteScalarAsync();

        definition.ShouldNotBeNull().ShouldEndWith("(status, listed_at, id)");
    }

    private static string Company() => "Batchco " + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The feed's order within one timestamp: PostgreSQL compares uuids byte by byte, as their text sorts.</summary>
    private static IEnumerable<Guid> Ordered(IEnumerable<Guid> sameInstant) =>
        sameInstant.OrderByDescending(id => id.ToString(), StringComparer.Ordinal);

    private async Task<List<Guid>> Scraped(string company, DateTimeOffset at, int count, string location = "Bengaluru", DateTimeOffset? postedOn = null)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        await using var session = api.Store.LightweightSession();
        foreach (var id in ids)
            session.Events.StartStream<Job>(id,
                new JobScraped(id, "test", company, id.ToString("N"), null, $"Role {id:N}", location, "A scraped role.", id.ToString("N"), postedOn, null, at),
                new JobActivated(at));
        await session.SaveChangesAsync();
        return ids;
    }

    private record FeedPage(List<Guid> Ids, string? NextCursor, bool HasMore);

    private async Task<FeedPage> Page(string query)
    {
        var json = (await api.Host.Scenario(s => s.Get.Url($"/api/jobs/feed?{query}"))).Json();
        return new FeedPage(
            json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList(),
            json.GetProperty("next_cursor").GetString(), json.GetProperty("has_more").GetBoolean());
    }

    private async Task<List<Guid>> PageThrough(string filter, int limit, string? cursor = null)
    {
        var visited = new List<Guid>();
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await Page($"{filter}&limit={limit}{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            visited.AddRange(page.Ids);
            if (!page.HasMore) return visited;
            page.Ids.Count.ShouldBe(limit, "a page before the last one is full");
            cursor = page.NextCursor.ShouldNotBeNull();
        }
        throw new InvalidOperationException("the feed did not end within 100 pages");
    }
}
