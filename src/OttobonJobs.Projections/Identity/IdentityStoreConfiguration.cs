using JasperFx.Events.Projections;
using Marten;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Projections.Identity;

public static class IdentityStoreConfiguration
{
    public static StoreOptions AddIdentity(this StoreOptions opts)
    {
        // The user aggregate is rebuilt from its stream on demand; the lookup model is inline.
        opts.Projections.Add<UserAggregate>(ProjectionLifecycle.Live);
        opts.Projections.Add<UserAccountProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<UserAccount>().UniqueIndex(x => x.Email);
        opts.AddEventContract(UserEvents.Contract);
        return opts;
    }
}
