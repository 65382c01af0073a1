using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Api.Adapters.Storage;

/// <summary>Where uploaded files live, bound from <c>Ottobon:Storage</c> (environment: <c>Ottobon__Storage__Root</c>).</summary>
public class StorageSettings
{
    public const string Section = "Ottobon:Storage";

    /// <summary>
    /// The folder that holds every stored file. Null means <see cref="DefaultRoot"/>: outside the web root and the
    /// repository, so a misconfigured static-file handler can never serve an upload.
    /// </summary>
    [AbsolutePath]
    public string? Root { get; set; }

    /// <summary><see cref="Root"/> as a full path, or the default when it is not set.</summary>
    public string ResolveRoot() => Path.GetFullPath(string.IsNullOrWhiteSpace(Root) ? DefaultRoot(Environment.GetEnvironmentVariable) : Root);

    /// <summary>
    /// <c>$XDG_DATA_HOME/ottobon-jobs/files</c>, else <c>~/.local/share/ottobon-jobs/files</c>
    /// (on Windows, <c>%LOCALAPPDATA%\ottobon-jobs\files</c>).
    /// </summary>
    public static string DefaultRoot(Func<string, string?> environment)
    {
        var dataHome = environment("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome) || !Path.IsPathRooted(dataHome))
        {
            // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
            dataHome = OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : HomeDataFolder(environment);
        }
        return Path.Combine(dataHome, "ottobon-jobs", "files");
    }

    private static string HomeDataFolder(Func<string, string?> environment)
    {
        var home = environment("HOME");
        if (string.IsNullOrWhiteSpace(home)) home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrWhiteSpace(home))
            throw new InvalidOperationException($"No home folder to keep uploaded files in: set {Section}:Root.");
        return Path.Combine(home, ".local", "share");
    }
}
