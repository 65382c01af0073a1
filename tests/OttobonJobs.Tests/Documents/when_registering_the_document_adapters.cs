using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Api.Adapters.Documents;
using OttobonJobs.Api.Adapters.Storage;
using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Tests.Documents;

public class when_registering_the_document_adapters
{
    [Fact]
    public void both_ports_resolve_to_single_instances_and_storage_uses_the_configured_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "ottobon-configured-root");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ottobon:Storage:Root"] = root })
            .Build();

        using var provider = new ServiceCollection().AddOttobonDocuments(configuration).BuildServiceProvider();

        provider.GetRequiredService<IDocumentTextExtractor>().ShouldBeOfType<DocumentTextExtractor>();
        provider.GetRequiredService<IDocumentTextExtractor>().ShouldBeSameAs(provider.GetRequiredService<IDocumentTextExtractor>());
        var storage = provider.GetRequiredService<IFileStorage>().ShouldBeOfType<LocalFileStorage>();
        storage.ShouldBeSameAs(provider.GetRequiredService<IFileStorage>());
        storage.Root.ShouldBe(root);
        Directory.Exists(root).ShouldBeFalse("nothing is created until a file is saved");
    }
}
