using OttobonJobs.Api.Access;
using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Api.Resumes;

/// <summary>A seeker's links to their own resume file.</summary>
public class ResumeLinks(JwtSigningKey signingKey, IFileLinks? storageLinks = null)
    : SignedFileLinks(signingKey, storageLinks, "ottobon:resume-download-links", "/api/files/resumes");
