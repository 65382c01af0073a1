using Marten;
using OttobonJobs.Domain.Email;
using OttobonJobs.Domain.Identity;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Email;

/// <summary>
/// One rendered email on its way, on the durable "email" queue (retried with backoff when the server fails for now).
/// <paramref name="RequestedByUser"/>: the user asked for this very mail (a resent verification, a password reset),
/// which is the only mail that still goes to an undeliverable address.
/// </summary>
public record DeliverEmail(Guid UserId, string Kind, bool RequestedByUser, EmailMessage Message);

public static class DeliverEmailHandler
{
    /// <summary>
    /// Sends the email unless the user's stream says not to (account gone, address changed, undeliverable, an alert to
    /// an unverified address: <see cref="EmailRules.MayMail"/>). A permanent refusal of the address becomes
    /// <see cref="MarkEmailUndeliverable"/> on the user's stream; a transient failure escapes to the retry policy.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(
        DeliverEmail command, IQuerySession query, IEmailSender sender, ILogger<DeliverEmail> log, CancellationToken cancellationToken)
    {
        var user = await query.Events.AggregateStreamAsync<User>(command.UserId, token: cancellationToken);
        if (!EmailRules.MayMail(user, command.Message.To, command.Kind, command.RequestedByUser))
        {
            log.LogInformation("Email {Kind} to user {UserId} not sent: the account is gone, its address changed or may not get this mail", command.Kind, command.UserId);
            return [];
        }

        try
        {
            await sender.SendAsync(command.Message, cancellationToken);
            return [];
        }
        catch (UndeliverableEmailException e)
        {
            log.LogWarning("The address of user {UserId} is undeliverable: {Reason}", command.UserId, e.Message);
            return [new MarkEmailUndeliverable(command.UserId, command.Message.To, EmailLayout.Line(e.Message, 300))];
        }
    }
}

public static class MarkEmailUndeliverableHandler
{
    [Emits(typeof(EmailMarkedUndeliverable))]
    public static Events Handle(MarkEmailUndeliverable command, [WriteAggregate(nameof(MarkEmailUndeliverable.UserId), Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] User? user, TimeProvider clock) =>
        new(UserDecisions.MarkEmailUndeliverable(user, command, clock.GetUtcNow()).Events);
}
