using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Matching;

namespace OttobonJobs.Api.Resumes;

public static class ResumesSetup
{
    public static IServiceCollection AddOttobonResumes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<ResumeSettings>(configuration, ResumeSettings.Section);
        services.AddSingleton<ResumeLinks>();
        services.AddScoped<ResumeUploads>();
        services.AddHostedService<LearningCatalogueSeeder>();
        return services;
    }
}
