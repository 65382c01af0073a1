using Amazon.S3;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Adapters.Storage;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>
/// The adapters behind the resume ports: reading PDF and Word files, and keeping uploads on the local disk under
/// <c>Ottobon:Storage:Root</c> (see <see cref="StorageSettings"/> for the default) or, with
/// <c>Ottobon:Storage:Provider</c> <c>s3</c>, in an S3-compatible bucket that also makes the download links.
/// </summary>
public static class DocumentSetup
{
    public static IServiceCollection AddOttobonDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<StorageSettings>(configuration, StorageSettings.Section);
        // Read here to choose the adapter; the checks above stop the start before either is used with bad settings.
        var storage = configuration.GetSection(StorageSettings.Section).Get<StorageSettings>() ?? new StorageSettings();

        var limits = SettingsValidation.ThrowIfInvalid(
            configuration.GetSection(DocumentLimits.Section).Get<DocumentLimits>() ?? DocumentLimits.Default, DocumentLimits.Section);
        services.AddSingleton<IDocumentTextExtractor>(new DocumentTextExtractor(limits));
        if (storage.UsesS3)
        {
            services.AddSingleton<IAmazonS3>(provider => S3FileStorage.CreateClient(provider.GetRequiredService<IOptions<StorageSettings>>().Value.S3));
            services.AddSingleton(provider =>
                new S3FileStorage(provider.GetRequiredService<IAmazonS3>(), provider.GetRequiredService<IOptions<StorageSettings>>().Value.S3));
            services.AddSingleton<IFileStorage>(provider => provider.GetRequiredService<S3FileStorage>());
            services.AddSingleton<IFileLinks>(provider => provider.GetRequiredService<S3FileStorage>());
        }
        else
        {
            services.AddSingleton<IFileStorage>(provider => new LocalFileStorage(provider.GetRequiredService<IOptions<StorageSettings>>()));
        }
        return services;
    }
}
