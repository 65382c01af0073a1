using Marten;
using OttobonJobs.Api.Chat;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Decisions;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Chat;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Chat;

public class when_numbering_chat_lines(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task each_line_carries_the_version_of_its_own_event_also_one_appended_without_loading_the_stream_and_a_rebuild_gives_the_same()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var started = await api.Host.Scenario(s => { s.Post.Json(new { job_id = (Guid?)null }).ToUrl("/api/chat/sessions"); s.As(seeker); });
        var chatId = started.Json().GetProperty("id").GetGuid();
        var actor = new Actor(seeker.Id, Role.Seeker, "Test seeker");

        // Through the handlers (the coach answers each), then one quick append, which reaches the inline view without a version.
        await api.Host.InvokeMessageAndWaitAsync(new SendChatMessage(chatId, actor, "How do I prepare for a Node.js interview?", "c-1"));
        await api.Host.InvokeMessageAndWaitAsync(new SendChatMessage(chatId, actor, "And for the SQL round?", "c-2"));
        await using (var writer = api.Store.LightweightSession())
        {
            writer.Events.Append(chatId, new ChatMessagePosted(Guid.NewGuid(), ChatRole.User, "Thanks!", null, seeker.Id, DateTimeOffset.UtcNow));
            await writer.SaveChangesAsync();
        }

        await using var query = api.Store.QuerySession();
        var stream = await query.Events.FetchStreamAsync(chatId);
        // What a handler returns beside its events (its ChatOutcome) is the caller's answer, never an event of the stream.
        stream.ShouldAllBe(e => ChatEvents.Contract.Any(c => c.Type == e.Data.GetType()));
        var expected = stream
            .Where(e => e.Data is ChatMessagePosted).Select(e => (((ChatMessagePosted)e.Data).MessageId, e.Version)).ToList();
        expected.Count.ShouldBeGreaterThanOrEqualTo(5);
        var lines = await ChatTranscript.PageAsync(query, chatId, null, 100, CancellationToken.None);
        lines.Select(m => (m.Id, m.Version)).ShouldBe(expected);
        var version = (await query.Events.FetchStreamStateAsync(chatId))!.Version;
        (await query.LoadAsync<ChatSessionView>(chatId)).ShouldNotBeNull().StreamVersion.ShouldBe(version);
        (await query.LoadAsync<ChatSession>(chatId)).ShouldNotBeNull().MessageCount.ShouldBe(expected.Count);

        // Rebuilt from the events, the lines, the header and the snapshot are what the live writes left.
        var header = await query.LoadAsync<ChatSessionView>(chatId);
        var snapshot = await query.LoadAsync<ChatSession>(chatId);
        using (var daemon = await api.Store.BuildProjectionDaemonAsync())
            foreach (var projection in new[] { ChatTranscript.ProjectionName, "ChatSessionView", "ChatSession" })
                await daemon.RebuildProjectionAsync(projection, CancellationToken.None);
        await using var rebuilt = api.Store.QuerySession();
        (await ChatTranscript.PageAsync(rebuilt, chatId, null, 100, CancellationToken.None)).ShouldBe(lines);
        var rebuiltHeader = (await rebuilt.LoadAsync<ChatSessionView>(chatId)).ShouldNotBeNull();
        rebuiltHeader.Unanswered.ShouldBe(header!.Unanswered);
        (rebuiltHeader with { Unanswered = header.Unanswered }).ShouldBe(header);
        (await rebuilt.LoadAsync<ChatSession>(chatId)).ShouldNotBeNull().Unanswered.ShouldBe(snapshot!.Unanswered);
    }
}
