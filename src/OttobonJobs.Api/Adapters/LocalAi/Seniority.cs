using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Api.Adapters.LocalAi;

internal enum Seniority { Internship, EntryLevel, EarlyCareer, Experienced }

/// <summary>How senior a job is, read by the Domain's wording rules (<see cref="JobKinds.ExperienceOf(string, string?)"/>), which the feed's experience filter uses too.</summary>
internal static class SeniorityReader
{
    public static Seniority Read(string title, string description) => JobKinds.ExperienceOf(title, description) switch
    {
        ExperienceBands.Internship => Seniority.Internship,
        ExperienceBands.Early => Seniority.EarlyCareer,
        ExperienceBands.Experienced => Seniority.Experienced,
        _ => Seniority.EntryLevel,
    };

    public static string Display(this Seniority seniority) => seniority switch
    {
        Seniority.Internship => "Internship",
        Seniority.EntryLevel => "Entry level (0–2 years)",
        Seniority.EarlyCareer => "Early career (2–5 years)",
        _ => "Experienced (5+ years)",
    };
}
