using Npgsql;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Tests.Support;
using Xunit.Abstractions;

namespace OttobonJobs.Tests.Chat;

/// <summary>
/// A chat event is folded only by the chat projections: Marten loads no job, resume or ingestion document for it
/// (each projection declares the events it handles).
/// </summary>
public class when_a_chat_message_touches_the_database(ChatFixture chat, ITestOutputHelper output) : IClassFixture<ChatFixture>
{
    private static readonly string[] OtherViews = ["mt_doc_jobdetails", "mt_doc_jobfeeditem", "mt_doc_providerlisting", "mt_doc_seekerresume", "mt_doc_ingestionrunlog"];

    private string Database => new NpgsqlConnectionStringBuilder(chat.DatabaseConnectionString).Database!;

    private static IEnumerable<string> SelectsFrom(IEnumerable<string> statements, string table) =>
        statements.Where(s => s.Contains(table, StringComparison.OrdinalIgnoreCase) && s.TrimStart().StartsWith("select", StringComparison.OrdinalIgnoreCase));

    /// <summary>A read of Wolverine's own tables: its durability agent's polling, never a message's work (its writes stay counted).</summary>
    private static bool IsWolverinePolling(string statement) =>
        statement.TrimStart().StartsWith("select", StringComparison.OrdinalIgnoreCase) && statement.Replace("\"", "").Contains("wolverine.", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task a_long_message_in_hindi_reaches_the_socket_in_its_notification_without_a_stream_read()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        using var client = await chat.Api.Connect(sessionId, seeker.Token);
        var replay = await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        if (replay.GetProperty("messages").GetArrayLength() == 0) await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply")); // the greeting

        // 1,300 Devanagari letters: 3,900 bytes of UTF-8, which escaped as \uXXXX would not fit in a notification beside the answer.
        var hindi = "साक्षात्कार की तैयारी कैसे करें? " + new string('क', 1300 - 32);
        using var capture = new SqlCapture(Database);
        await client.Send(hindi); // a plain-text frame: the client's JSON would escape it past the socket's 4 KB
        await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply"));

        capture.Statements.ShouldNotContain(s => s.Contains("from ottobon.mt_events", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task appending_a_chat_event_loads_only_the_chat_view()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();

        using var capture = new SqlCapture(Database);
        await using (var session = chat.Api.Store.LightweightSession())
        {
            session.Events.Append(sessionId, new ChatMessagePosted(Guid.CreateVersion7(), ChatRole.User, "hello", null, seeker.Id, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        var statements = capture.Statements;
        statements.ShouldContain(s => s.Contains("mt_doc_chatsessionview", StringComparison.OrdinalIgnoreCase)); // the capture sees the projection's work
        foreach (var table in OtherViews) SelectsFrom(statements, table).ShouldBeEmpty($"a chat event loaded {table}");
    }

    [Fact]
    public async Task a_seekers_message_and_the_coachs_reply_take_one_transaction_of_at_most_15_statements_and_load_no_job_or_ingestion_view()
    {
        var (seeker, sessionId) = await chat.SeekerWithSession();
        using var client = await chat.Api.Connect(sessionId, seeker.Token);
        var replay = await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        if (replay.GetProperty("messages").GetArrayLength() == 0) await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply")); // the greeting

        using var capture = new SqlCapture(Database);
        await client.SendMessage("How should I prepare for the interview?", clientId: "measured");
        await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply"));
        // Wolverine's durability agent polls its envelope tables on the same database meanwhile: not the message's work.
        var statements = capture.Statements.Where(s => !IsWolverinePolling(s)).ToList();

        output.WriteLine($"statements per chat message (post + coach reply): {statements.Count}");
        foreach (var statement in statements) output.WriteLine("  " + statement.ReplaceLineEndings(" ")[..Math.Min(160, statement.Length)]);
        // The local coach answers in the seeker's transaction: no durable envelope, one append, one notification,
        // no stream read (the lock reads the snapshot, the socket gets the lines in the notification).
        statements.Count.ShouldBeLessThanOrEqualTo(15);
        statements.ShouldNotContain(s => s.Contains("wolverine", StringComparison.OrdinalIgnoreCase));
        statements.Count(s => s.Contains("mt_quick_append_events", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        statements.Count(s => s.Contains("pg_notify", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        statements.ShouldNotContain(s => s.Contains("from ottobon.mt_events", StringComparison.OrdinalIgnoreCase));
        // The coach reads the seeker's resume on purpose (its context); job and ingestion views are never read.
        foreach (var table in OtherViews.Where(t => t != "mt_doc_seekerresume")) SelectsFrom(statements, table).ShouldBeEmpty($"a chat message loaded {table}");
    }
}
