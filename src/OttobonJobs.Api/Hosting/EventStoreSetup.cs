using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using OttobonJobs.Domain.Jobs.Enrichment;
using OttobonJobs.Api.Email;
using OttobonJobs.Api.Ingestion;
using OttobonJobs.Api.SavedSearches;
using OttobonJobs.Projections;
using OttobonJobs.Projections.Applicants;
using OttobonJobs.Projections.Applications;
using OttobonJobs.Projections.Chat;
using OttobonJobs.Projections.Identity;
using OttobonJobs.Projections.Ingestion;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Projections.Notifications;
using OttobonJobs.Projections.Resumes;
using OttobonJobs.Projections.SavedSearches;
using OttobonJobs.Projections.Tailoring;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

namespace OttobonJobs.Api.Hosting;

/// <summary>Marten (events, documents, projections) and Wolverine (messages, durable inbox/outbox) on one database.</summary>
public static class EventStoreSetup
{
    public const string MartenSchema = "ottobon";
    public const string WolverineSchema = "wolverine";
    public const string TypeLoadModeKey = "Ottobon:Messaging:TypeLoadMode";

    public static IServiceCollection AddOttobonEventStore(this IServiceCollection services)
    {
        services.AddMarten(provider =>
            {
                var opts = new StoreOptions();
                opts.Connection(provider.GetRequiredService<NpgsqlDataSource>());
                opts.DatabaseSchemaName = MartenSchema;
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;

                // Each feature registers its own events, projections and indexes.
                opts.AddIdentity();
                var dimensions = provider.GetRequiredService<IEmbeddingGenerator>().Dimensions;
                opts.AddJobs(dimensions);
                opts.AddResumes(dimensions);
                opts.AddIngestion();
                opts.AddChat();
                opts.AddApplicants();
                opts.AddApplications();
                opts.AddSavedSearches();
                opts.AddNotifications();
                opts.AddTailoring();
                ReadModelRebuild.Configure(opts);
                return opts;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold)
            .IntegrateWithWolverine(integration => integration.MessageStorageSchemaName = WolverineSchema);
        services.AddHostedService<ReadModelUpgrades>();
        return services;
    }

    public static WebApplicationBuilder AddOttobonMessaging(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(opts =>
        {
            // Handlers and endpoints live here, whichever process hosts the API (the test runner starts it too).
            opts.ApplicationAssembly = typeof(EventStoreSetup).Assembly;
            opts.UseRuntimeCompilation();
            opts.CodeGeneration.TypeLoadMode = builder.Configuration.GetValue(TypeLoadModeKey, DefaultTypeLoadMode(builder.Environment));
            // Never write generated code into the content root at run time: scripts/codegen.sh owns Internal/Generated.
            opts.CodeGeneration.SourceCodeWritingEnabled = false;
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
            opts.Policies.AlwaysMakeScheduledMessagesDurable();
            opts.Durability.Mode = DurabilityMode.Balanced;
            opts.AddIngestionWork(builder.Configuration);
            opts.AddSavedSearchAlerts(builder.Configuration);
            opts.AddEmailDelivery();
            // How long a stopping node waits for in-flight handlers before leaving their messages to the next start.
            opts.Durability.DrainTimeout = builder.Configuration.GetValue("Ottobon:Messaging:DrainTimeout", TimeSpan.FromSeconds(30));

            // Two handlers appending to one stream at once (an exclusive writer that could not get the stream's lock in
            // time, a deadlock PostgreSQL broke): the loser re-reads the stream and decides again.
            opts.Policies.OnException(WriteConflicts.IsConflict).RetryWithCooldown(WriteConflicts.Cooldowns);
            // The database refusing connections for a few seconds (a restart, a failover): try again rather than give up.
            opts.Policies.OnException(TransientFailures.IsTransient)
                .RetryWithCooldown(TransientFailures.Cooldowns).Then.ScheduleRetry(TransientFailures.Delays);
        });
        return builder;
    }

    /// <summary>
    /// Static (load the code scripts/codegen.sh generated, compiled into Release builds: no Roslyn at start) outside
    /// Development when the build has that code; Dynamic (generate it at start) otherwise. Development, which the
    /// in-memory test hosts run as, stays Dynamic so tests always run the handlers as written, even before the
    /// generated code is regenerated after a change; a test fails while that code is stale.
    /// </summary>
    public static TypeLoadMode DefaultTypeLoadMode(IHostEnvironment environment) =>
        HasPregeneratedCode && !environment.IsDevelopment() ? TypeLoadMode.Static : TypeLoadMode.Dynamic;

    /// <summary>Whether this build compiled in src/OttobonJobs.Api/Internal/Generated (Release builds do).</summary>
    public static readonly bool HasPregeneratedCode =
#if OTTOBON_PREGENERATED_CODE
        true;
#else
        false;
#endif
}
