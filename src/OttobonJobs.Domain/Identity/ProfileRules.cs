namespace OttobonJobs.Domain.Identity;

/// <summary>Limits on what a user may put in their profile, shared by sign-up and profile edits.</summary>
public static class ProfileRules
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 256;
    public const int MaxFullNameLength = 120;
    public const int MaxPhoneLength = 32;
    public const int MaxLocationLength = 120;

    public static string? CheckFullName(string? fullName) =>
        string.IsNullOrWhiteSpace(fullName) ? "full_name is required."
        : fullName.Trim().Length > MaxFullNameLength ? $"full_name must be at most {MaxFullNameLength} characters."
        : null;

    public static string? CheckPassword(string? password) =>
        string.IsNullOrEmpty(password) ? "password is required."
        : password.Length < MinPasswordLength ? $"password must be at least {MinPasswordLength} characters."
        : password.Length > MaxPasswordLength ? $"password must be at most {MaxPasswordLength} characters."
        : null;

    public static string? CheckPhone(string? phone) =>
        phone is null ? null
        : phone.Trim().Length > MaxPhoneLength ? $"phone must be at most {MaxPhoneLength} characters."
        : phone.Trim().Length > 0 && !phone.Trim().All(c => char.IsDigit(c) || c is '+' or ' ' or '-' or '(' or ')')
            ? "phone may contain only digits, spaces and + - ( )."
        : null;

    public static string? CheckLocation(string? location) =>
        location is not null && location.Trim().Length > MaxLocationLength
            ? $"location must be at most {MaxLocationLength} characters." : null;
}
