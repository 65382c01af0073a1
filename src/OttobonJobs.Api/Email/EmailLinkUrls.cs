using OttobonJobs.Api.Adapters.Email;

namespace OttobonJobs.Api.Email;

/// <summary>Absolute URLs in emails, under <see cref="EmailSettings.PublicBaseUrl"/>.</summary>
public static class EmailLinkUrls
{
    /// <summary>A page of the SPA that reads <c>?token=</c>, e.g. <c>/verify-email</c>.</summary>
    public static string Page(EmailSettings settings, string page, string token) =>
        $"{settings.PublicBaseUrl.TrimEnd('/')}/{page}?token={Uri.EscapeDataString(token)}";

    public static string Absolute(EmailSettings settings, string path) => $"{settings.PublicBaseUrl.TrimEnd('/')}{path}";
}
