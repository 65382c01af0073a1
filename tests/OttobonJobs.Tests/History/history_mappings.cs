using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events;
using OttobonJobs.Api.History;
using OttobonJobs.Domain;
using OttobonJobs.Domain.Applications;
using OttobonJobs.Domain.Chat;
using OttobonJobs.Domain.Ingestion;
using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Tests.History;

public class history_mappings
{
    public static TheoryData<string> Streams => ["job", "chat", "ingestion_run", "application"];

    public static IReadOnlyList<EventContract> ContractOf(string kind) => Stream(kind).Contract;

    private static (IReadOnlyList<EventContract> Contract, IReadOnlyDictionary<Type, Type> DataTypes, Type DataBase) Stream(string kind) => kind switch
    {
        "job" => (JobEvents.Contract, JobHistory.Mapping.DataTypes, typeof(JobEventData)),
        "chat" => (ChatEvents.Contract, ChatHistory.Mapping.DataTypes, typeof(ChatEventData)),
        "application" => (ApplicationEvents.Contract, ApplicationHistory.Mapping.DataTypes, typeof(ApplicationEventData)),
        _ => (IngestionEvents.Contract, IngestionRunHistory.Mapping.DataTypes, typeof(IngestionEventData)),
    };

    [Theory]
    [MemberData(nameof(Streams))]
    public void every_event_of_the_contract_has_a_dto_whose_type_is_its_stable_name(string kind)
    {
        var (contract, dataTypes, dataBase) = Stream(kind);
        var discriminators = dataBase.GetCustomAttributes<JsonDerivedTypeAttribute>().ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

        foreach (var (name, eventType) in contract)
        {
            dataTypes.ShouldContainKey(eventType, $"{name} needs a history DTO (map it in Api/History)");
            discriminators.ShouldContainKey(dataTypes[eventType], $"{dataTypes[eventType].Name} needs a [JsonDerivedType] on {dataBase.Name}");
            discriminators[dataTypes[eventType]].ShouldBe(name);
        }
        discriminators.Count.ShouldBe(contract.Count, "every DTO belongs to one event of the contract");
    }

    [Fact]
    public void an_event_of_another_stream_or_a_new_type_is_an_entry_without_data()
    {
        var foreign = new Event<ChatClosed>(new ChatClosed(Guid.NewGuid(), DateTimeOffset.UtcNow)) { EventTypeName = "chat_closed", Version = 3 };

        var entry = JobHistory.Entry(foreign);

        (entry.Type, entry.Version, entry.Data).ShouldBe(("chat_closed", 3L, (JobEventData?)null));
    }

    [Fact]
    public void embedding_events_keep_the_model_and_dimensions_but_never_the_vector()
    {
        var embedded = new Event<JobEmbedded>(new JobEmbedded("all-MiniLM-L6-v2", 384, new float[384], "hash", DateTimeOffset.UtcNow))
        {
            EventTypeName = "job_embedded",
        };

        var entry = JobHistory.Entry(embedded);

        entry.Type.ShouldBe("job_embedded");
        entry.Data.ShouldBe(new JobEmbeddedData("all-MiniLM-L6-v2", 384, "hash", ((JobEmbedded)embedded.Data).EmbeddedAt));
        var json = JsonSerializer.Serialize(entry, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        json.ShouldContain("\"type\":\"job_embedded\",\"model\":\"all-MiniLM-L6-v2\",\"dimensions\":384");
        json.ShouldNotContain("vector");
    }
}
