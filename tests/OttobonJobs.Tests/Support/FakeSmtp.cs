using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using netDumbster.smtp;

namespace OttobonJobs.Tests.Support;

/// <summary>Reading what netDumbster received as real MIME messages (through MimeKit, as a mail client would).</summary>
public static class ReceivedMail
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static IReadOnlyList<MimeMessage> To(this SimpleSmtpServer server, string address) =>
        server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
            .Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The token of the first link to <paramref name="page"/> (e.g. "/reset-password") in the plain-text body.</summary>
    public static string TokenOfLink(this MimeMessage message, string page)
    {
        var match = Regex.Match(message.TextBody ?? "", Regex.Escape(page) + @"\?token=([^\s]+)");
        match.Success.ShouldBeTrue($"no {page} link in:\n{message.TextBody}");
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }
}

/// <summary>
/// A tiny SMTP server on loopback whose answers to RCPT TO are scripted (e.g. "451 4.3.0 try later" once, then
/// "250 OK"; or "550 5.1.1 no such user"), for the failures netDumbster cannot play. Counts the messages it accepted.
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _rcptAnswers = new();
    private readonly Task _accepting;

    public ScriptedSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public ConcurrentBag<string> Accepted { get; } = [];
    public int RcptAttempts;

    /// <summary>The next answers to RCPT TO, in order; after them every recipient is accepted.</summary>
    public void AnswerRecipients(params string[] answers)
    {
        foreach (var answer in answers) _rcptAnswers.Enqueue(answer);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        string? recipient = null;
        try
        {
            await writer.WriteLineAsync("220 scripted.test ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO": await writer.WriteLineAsync("250 scripted.test"); break;
                    case "MAIL": await writer.WriteLineAsync("250 2.1.0 OK"); break;
                    case "RCPT":
                        Interlocked.Increment(ref RcptAttempts);
                        var answer = _rcptAnswers.TryDequeue(out var scripted) ? scripted : "250 2.1.5 OK";
                        if (answer.StartsWith('2')) recipient = line;
                        await writer.WriteLineAsync(answer);
                        break;
                    case "DATA":
                        if (recipient is null) { await writer.WriteLineAsync("554 5.5.1 no valid recipients"); break; }
                        await writer.WriteLineAsync("354 go ahead");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } body && body != ".") data.AppendLine(body);
                        Accepted.Add(data.ToString());
                        await writer.WriteLineAsync("250 2.0.0 queued");
                        break;
                    case "RSET": recipient = null; await writer.WriteLineAsync("250 OK"); break;
                    case "QUIT": await writer.WriteLineAsync("221 bye"); return;
                    default: await writer.WriteLineAsync("250 OK"); break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
    }
}
