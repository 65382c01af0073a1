namespace OttobonJobs.Domain.Notifications;

/// <summary>The kinds of in-app notification, under the names the API and the SPA use.</summary>
public static class NotificationKinds
{
    /// <summary>New active jobs matched a saved search, or the seeker's resume above their chosen fit score.</summary>
    public const string NewMatchingJobs = "new_matching_jobs";

    /// <summary>A provider moved the seeker's application to another stage.</summary>
    public const string ApplicationStageChanged = "application_stage_changed";

    /// <summary>A reminder the seeker scheduled on one of their applications came due.</summary>
    public const string Reminder = "reminder";

    /// <summary>A human coach answered in the seeker's chat while the seeker had no chat socket open.</summary>
    public const string HumanCoachReplied = "human_coach_replied";

    public static readonly IReadOnlyList<string> All = [NewMatchingJobs, ApplicationStageChanged, Reminder, HumanCoachReplied];
}
