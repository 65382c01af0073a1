using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace OttobonJobs.Api.Hosting;

/// <summary>
/// Binds a settings class from its configuration section and checks it when the host starts, so a mistyped value
/// stops the start instead of failing late. The checks are the DataAnnotations attributes on its properties (nested
/// settings classes included) and, for rules across properties, <see cref="IValidatableObject"/>. Each failure names
/// the full configuration key and the value found, e.g. "Ottobon:Jwt:LifetimeMinutes must be between 1 and 1440, was 0".
/// </summary>
/// <remarks>
/// Hand-rolled rather than <c>ValidateDataAnnotations()</c> or <c>[OptionsValidator]</c>: both name a failing member by
/// its C# path (<c>OttobonSettings.Jwt.LifetimeMinutes</c>) and neither says which value was refused.
/// </remarks>
public static class SettingsValidation
{
    public static OptionsBuilder<T> AddValidatedSettings<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SettingsValidator<T>(section));
        return services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>
    /// For settings read while the host is being built (the Wolverine schedule, the document limits): the same checks,
    /// thrown at once, because the start would otherwise fail later with a message that does not name the setting.
    /// </summary>
    public static T ThrowIfInvalid<T>(T settings, string section) where T : class
    {
        var failures = Check(settings, section).ToList();
        return failures.Count == 0 ? settings : throw new OptionsValidationException(section, typeof(T), failures);
    }

    public static IEnumerable<string> Check(object settings, string section)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var key = $"{section}:{property.Name}";
            var value = property.GetValue(settings);
            var secret = property.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.Password;

            foreach (var rule in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
            {
                if (!rule.IsValid(value)) yield return Describe(rule, key, value, secret);
            }

            if (value is not null && IsSettingsClass(property.PropertyType))
            {
                foreach (var failure in Check(value, key)) yield return failure;
            }
        }

        if (settings is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(settings)))
            {
                var member = result.MemberNames.FirstOrDefault();
                var key = member is null ? section : $"{section}:{member.Replace('.', ':')}";
                yield return $"{key} {result.ErrorMessage}";
            }
        }
    }

    private static bool IsSettingsClass(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type) &&
        type.Namespace?.StartsWith("OttobonJobs", StringComparison.Ordinal) == true;

    private static string Describe(ValidationAttribute rule, string key, object? value, bool secret)
    {
        var problem = rule switch
        {
            RangeAttribute range => $"{key} must be between {range.Minimum} and {range.Maximum}",
            RequiredAttribute => $"{key} is required",
            _ => rule.FormatErrorMessage(key),
        };
        return secret || rule is RequiredAttribute ? problem : $"{problem}, was {Show(value)}";
    }

    private static string Show(object? value) => value switch
    {
        null => "empty",
        string text => $"\"{text}\"",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Show)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

public sealed class SettingsValidator<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = SettingsValidation.Check(options, section).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Empty, or an absolute http:// or https:// URL.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute() : ValidationAttribute("{0} must be an absolute http(s) URL")
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrEmpty(text) || IsHttpUrl(text),
        IEnumerable<string> texts => texts.All(IsHttpUrl),
        _ => false,
    };

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}

/// <summary>Empty, or a fully qualified path: a relative one would depend on the folder the process was started from.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AbsolutePathAttribute() : ValidationAttribute("{0} must be an absolute path")
{
    public override bool IsValid(object? value) =>
        value is null || value is string text && (string.IsNullOrEmpty(text) || Path.IsPathFullyQualified(text));
}

/// <summary>Empty, or one of the given words (any case).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OneOfAttribute(params string[] allowed) : ValidationAttribute
{
    public override string FormatErrorMessage(string name) =>
        $"{name} must be one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}";

    public override bool IsValid(object? value) =>
        value is null || value is string text && (string.IsNullOrEmpty(text) || allowed.Contains(text, StringComparer.OrdinalIgnoreCase));
}

/// <summary>Empty, or at least this many bytes once UTF-8 encoded (an HMAC key).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinimumBytesAttribute(int bytes) : ValidationAttribute($"{{0}} must be at least {bytes} bytes long")
{
    public override bool IsValid(object? value) =>
        value is null || value is string text && (string.IsNullOrEmpty(text) || System.Text.Encoding.UTF8.GetByteCount(text) >= bytes);
}

/// <summary>Every entry an IP address.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IpAddressesAttribute() : ValidationAttribute("{0} must hold IP addresses, e.g. 10.0.0.5")
{
    public override bool IsValid(object? value) =>
        value is null || value is IEnumerable<string> texts && texts.All(t => System.Net.IPAddress.TryParse(t, out _));
}

/// <summary>Every entry a network in CIDR form.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IpNetworksAttribute() : ValidationAttribute("{0} must hold networks in CIDR form, e.g. 172.18.0.0/16")
{
    public override bool IsValid(object? value) =>
        value is null || value is IEnumerable<string> texts && texts.All(t => System.Net.IPNetwork.TryParse(t, out _));
}
