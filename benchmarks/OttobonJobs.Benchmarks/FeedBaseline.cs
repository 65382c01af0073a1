using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using OttobonJobs.Api.Jobs.Browsing;

namespace OttobonJobs.Benchmarks;

/// <summary>
/// The feed's baseline: a plain ASP.NET Core minimal API + Npgsql endpoint running the same keyset SQL on the
/// same table and index, with the same cursor, writing the stored JSON as it is (no Marten, no Wolverine, no
/// mapping). Runs inside the benchmark process on its own loopback port.
/// </summary>
public sealed class FeedBaseline : IAsyncDisposable
{
    private const string Columns = "SELECT d.data::text, d.listed_at, d.id FROM ottobon.mt_doc_jobfeeditem AS d";
    private const string FirstPage = Columns + " WHERE d.status = $1 ORDER BY d.listed_at DESC, d.id DESC LIMIT $2";
    private const string After = Columns + " WHERE d.status = $1 AND (d.listed_at, d.id) < ($3, $4) ORDER BY d.listed_at DESC, d.id DESC LIMIT $2";

    private readonly WebApplication _app;

    private FeedBaseline(WebApplication app) => _app = app;

    public Uri Url => new(_app.Urls.First().TrimEnd('/') + "/");

    public static async Task<FeedBaseline> StartAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/feed", (HttpContext context, int? limit, string? cursor) => WriteAsync(context, dataSource, limit ?? 20, cursor));
        await app.StartAsync(cancellationToken);
        return new FeedBaseline(app);
    }

    private static async Task WriteAsync(HttpContext context, NpgsqlDataSource dataSource, int limit, string? cursor)
    {
        FeedCursor? after = FeedCursor.TryDecode(cursor, out var position) ? position : null;
        await using var command = dataSource.CreateCommand(after is null ? FirstPage : After);
        command.Parameters.Add(new NpgsqlParameter { Value = "active" });
        command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
        if (after is { } p)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p.ListedAt });
            command.Parameters.Add(new NpgsqlParameter { Value = p.Id });
        }

        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteStartArray("items");
        var (rows, lastListed, lastId) = (0, default(DateTimeOffset), Guid.Empty);
        await using (var reader = await command.ExecuteReaderAsync(context.RequestAborted))
        {
            while (await reader.ReadAsync(context.RequestAborted))
            {
                if (++rows > limit) break;
                json.WriteRawValue(reader.GetString(0), skipInputValidation: true);
                (lastListed, lastId) = (reader.GetFieldValue<DateTimeOffset>(1), reader.GetGuid(2));
            }
        }
        json.WriteEndArray();
        var hasMore = rows > limit;
        json.WriteString("next_cursor", hasMore ? FeedCursor.After(lastListed, lastId).Encode() : null);
        json.WriteBoolean("has_more", hasMore);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
