namespace OttobonJobs.Domain.Applications;

/// <summary>A seeker's application to a job is one stream per (seeker, job): saving twice or applying twice lands on the same stream.</summary>
public static class ApplicationIds
{
    private static readonly Guid Namespace = new("b0f4e6a1-2c37-4d8e-9f15-6a7b8c9d0e21");

    public static Guid For(Guid seekerId, Guid jobId) => NameBasedIds.Create(Namespace, $"{seekerId:N}\n{jobId:N}");
}
