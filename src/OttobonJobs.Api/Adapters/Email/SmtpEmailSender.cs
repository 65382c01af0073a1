using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using OttobonJobs.Domain.Email;

namespace OttobonJobs.Api.Adapters.Email;

/// <summary>
/// The email port over SMTP with MailKit: one connection per message (mail is rare, and a fresh connection never
/// inherits a broken one). Failures are sorted for the queue: a 5xx refusal of the recipient is
/// <see cref="UndeliverableEmailException"/>; connection problems, timeouts and 4xx answers are
/// <see cref="TransientEmailException"/>; anything else (a 5xx for the message itself) escapes as it is.
/// </summary>
public class SmtpEmailSender(IOptions<EmailSettings> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var mime = ToMime(message, settings);
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(settings.SmtpTimeoutSeconds).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, SecurityOf(settings.SmtpSecurity), cancellationToken);
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
                await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            throw new UndeliverableEmailException($"The mail server refused the address: {(int)e.StatusCode} {e.Message}", e);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode is >= 400 and < 500)
        {
            throw new TransientEmailException($"The mail server asked to try later: {(int)e.StatusCode} {e.Message}", e);
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException or SmtpProtocolException
                                      or ServiceNotConnectedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new TransientEmailException($"The mail server could not be reached: {e.Message}", e);
        }
    }

    public static MimeMessage ToMime(EmailMessage message, EmailSettings settings)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        // MimeKit encodes the header; the templates have already removed line breaks from what users typed.
        mime.Subject = message.Subject;
        foreach (var (name, value) in message.Headers) mime.Headers.Add(name, value);
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    private static SecureSocketOptions SecurityOf(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}

/// <summary>No SMTP server configured: each email is logged (without its links, which are credentials) and dropped.</summary>
public class UnconfiguredEmailSender(ILogger<UnconfiguredEmailSender> log) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        log.LogWarning("Email \"{Subject}\" not sent: no SMTP server is configured (Ottobon:Email:SmtpHost)", message.Subject);
        return Task.CompletedTask;
    }
}
