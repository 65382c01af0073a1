using System.Globalization;
using System.Text.RegularExpressions;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Api.Adapters.Scrapers.Employers;

/// <summary>
/// A salary an employer published, read into the same <see cref="SalaryRange"/> the estimates use. Only rupees are
/// kept (the feed's salary filter is in rupees); a salary in another currency, or text that names no amount, is null.
/// </summary>
public static partial class PublishedSalary
{
    private const decimal Lakh = 100_000m;

    /// <summary>
    /// Text such as "₹6,00,000 - ₹9,00,000", "INR 6-9 LPA", "₹4.5L – ₹7L per annum", "Stipend: ₹25,000 per month",
    /// "Rs. 30,000/month". Without a rupee sign, "INR", "Rs", "LPA" or "lakh" the currency is unknown: null.
    /// </summary>
    public static SalaryRange? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || OtherCurrency().IsMatch(text) || !Rupees().IsMatch(text)) return null;

        var amounts = Amount().Matches(text).Select(m => (Value: Number(m.Groups["n"].Value), Unit: Unit(m.Groups["unit"].Value))).ToList();
        if (amounts.Count == 0 || amounts.Any(a => a.Value is null)) return null;
        // "6 - 9 LPA": a bare number beside one with a unit shares it; "LPA" anywhere makes bare small numbers lakhs.
        var shared = amounts.Select(a => a.Unit).FirstOrDefault(u => u > 1m, LakhsPerAnnum().IsMatch(text) ? Lakh : 1m);
        var values = amounts.Take(2).Select(a => a.Value!.Value * (a.Unit > 1m ? a.Unit : a.Value < 1_000m ? shared : 1m)).ToList();
        var (min, max) = (values.Min(), values.Max());
        if (min <= 0) return null;
        return Range(min, max, Monthly().IsMatch(text) ? "month" : "year");
    }

    /// <summary>A structured salary (Lever's salaryRange, Ashby's compensation): kept when in INR a year or a month.</summary>
    public static SalaryRange? FromAmounts(string? currency, decimal? min, decimal? max, string? interval)
    {
        if (!string.Equals(currency?.Trim(), "INR", StringComparison.OrdinalIgnoreCase) || (min ?? max) is not { } low) return null;
        var high = max ?? low;
        var period = interval?.ToLowerInvariant() switch
        {
            { } i when i.Contains("month") => "month",
            { } i when i.Contains("year") || i.Contains("annual") => "year",
            _ => null, // hourly, weekly or unsaid: not comparable with the rest
        };
        return period is null || low <= 0 ? null : Range(Math.Min(low, high), Math.Max(low, high), period);
    }

    private static SalaryRange Range(decimal min, decimal max, string period)
    {
        string Show(decimal amount) => period == "year" && amount >= Lakh
            ? $"₹{(amount / Lakh).ToString("0.##", CultureInfo.InvariantCulture)}L"
            : $"₹{amount.ToString("#,0", CultureInfo.InvariantCulture)}";
        var display = min == max ? $"{Show(min)} per {period}" : $"{Show(min)} – {Show(max)} per {period}";
        return new SalaryRange("INR", min, max, period, display);
    }

    private static decimal? Number(string digits) =>
        decimal.TryParse(digits.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static decimal Unit(string unit) => unit.ToLowerInvariant() switch
    {
        "" => 1m,
        var u when u.StartsWith('k') => 1_000m,
        var u when u.StartsWith("cr") => 100 * Lakh,
        _ => Lakh, // l, lakh(s), lac(s), lpa
    };

    [GeneratedRegex(@"(?<n>\d[\d,]*(?:\.\d+)?)\s*(?<unit>lakhs?|lacs?|lpa|l|k|crores?|cr)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    [GeneratedRegex(@"₹|\bINR\b|\bRs\.?|\bLPA\b|\blakhs?\b|\blacs?\b|\d\s*L\b", RegexOptions.IgnoreCase)]
    private static partial Regex Rupees();

    [GeneratedRegex(@"[$€£]|\b(USD|EUR|GBP|SGD|AED|AUD|CAD)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OtherCurrency();

    [GeneratedRegex(@"\bLPA\b|per\s+annum", RegexOptions.IgnoreCase)]
    private static partial Regex LakhsPerAnnum();

    [GeneratedRegex(@"month|\bp\.?m\b|/\s*mo\b", RegexOptions.IgnoreCase)]
    private static partial Regex Monthly();
}
