namespace OttobonJobs.Api.Applicants;

public static class ApplicantsSetup
{
    public static IServiceCollection AddOttobonApplicants(this IServiceCollection services)
    {
        services.AddSingleton<ApplicantResumeLinks>();
        services.AddScoped<JobApplications>();
        return services;
    }
}
