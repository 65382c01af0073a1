using Microsoft.Extensions.Options;
using OttobonJobs.Api.Adapters.Storage;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>
/// The adapters behind the resume ports: reading PDF and Word files, and keeping uploads on the local disk
/// under <c>Ottobon:Storage:Root</c> (see <see cref="StorageSettings"/> for the default).
/// </summary>
public static class DocumentSetup
{
    public static IServiceCollection AddOttobonDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<StorageSettings>(configuration, StorageSettings.Section);

        var limits = SettingsValidation.ThrowIfInvalid(
            configuration.GetSection(DocumentLimits.Section).Get<DocumentLimits>() ?? DocumentLimits.Default, DocumentLimits.Section);
        services.AddSingleton<IDocumentTextExtractor>(new DocumentTextExtractor(limits));
        services.AddSingleton<IFileStorage>(provider => new LocalFileStorage(provider.GetRequiredService<IOptions<StorageSettings>>()));
        return services;
    }
}
