using JasperFx.Events;
using Marten.Events.Aggregation;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Projections.Identity;

/// <summary>How Marten folds a user stream into the domain's <see cref="User"/> (a live aggregation, never stored).</summary>
public sealed class UserAggregate : SingleStreamProjection<User, Guid>
{
    public UserAggregate() => this.IncludeTypes(UserEvents.Contract);

    public override User? Evolve(User? state, Guid id, IEvent e) => User.Evolve(state, e.Data) is { } next ? next with { Version = e.Version } : null;
}
