using OttobonJobs.Api.Access;

namespace OttobonJobs.Api.Resumes;

/// <summary>A seeker's links to their own resume file.</summary>
public class ResumeLinks(JwtSigningKey signingKey) : SignedFileLinks(signingKey, "ottobon:resume-download-links", "/api/files/resumes");
