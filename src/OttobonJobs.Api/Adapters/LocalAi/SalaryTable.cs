using System.Globalization;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Api.Adapters.LocalAi;

/// <summary>
/// Salary estimates for the offline enricher: a lookup, not a prediction.
///
/// Sources and assumptions. The bands are indicative base pay (fixed CTC, before bonus) for 2024–25, written from the
/// ranges commonly reported for Indian campus and early-career hiring on public salary aggregators (AmbitionBox,
/// Glassdoor India, Naukri) and in Big-4 campus-offer coverage. They were NOT re-checked against a live source when
/// this table was written (the build machine is offline), so treat them as orientation for students, review them
/// yearly, and prefer the OpenAI enricher or a posted salary when there is one.
/// - India rows are for a non-metro city; Tier-1 metros (Bengaluru, Mumbai, Gurugram, Hyderabad, Pune, Chennai,
///   Delhi/NCR) pay about 20% more and remote roles about 10% more (they are mostly hired by metro employers).
/// - Internships are a monthly stipend; everything else is annual.
/// - Outside India one row per country for professional-services roles, with a premium for technology roles.
/// </summary>
internal static class SalaryTable
{
    private const decimal Lakh = 100_000m;

    private sealed record Band(decimal Min, decimal Max);

    /// <summary>Annual base in lakhs (₹1L = ₹100,000) for a non-metro Indian city: entry (0–2 y), early career (2–5 y), experienced (5+ y).</summary>
    private static readonly Dictionary<RoleFamily, (Band Entry, Band EarlyCareer, Band Experienced)> IndiaAnnualLakhs = new()
    {
        [RoleFamily.SoftwareEngineering] = (new(3.5m, 6.5m), new(7m, 12m), new(14m, 24m)),
        [RoleFamily.DataAnalytics] = (new(3.5m, 6.5m), new(6m, 11m), new(12m, 20m)),
        [RoleFamily.AuditAssurance] = (new(3m, 5m), new(6m, 9m), new(10m, 16m)),      // article-turned-associate to senior
        [RoleFamily.Tax] = (new(3m, 5m), new(6m, 9m), new(10m, 16m)),
        [RoleFamily.ConsultingAdvisory] = (new(4m, 7m), new(8m, 13m), new(14m, 24m)),
        [RoleFamily.Cybersecurity] = (new(3.5m, 6.5m), new(6m, 11m), new(12m, 22m)),
        [RoleFamily.FinanceAccounting] = (new(2.5m, 4.5m), new(4.5m, 7m), new(8m, 13m)), // shared-services style roles
        [RoleFamily.Other] = (new(2.5m, 4.5m), new(4m, 7m), new(7m, 12m)),
    };

    /// <summary>Monthly internship stipend in rupees for a non-metro city (CA articleship stipends sit at the low end).</summary>
    private static readonly Dictionary<RoleFamily, Band> IndiaInternshipMonthly = new()
    {
        [RoleFamily.SoftwareEngineering] = new(12_000m, 25_000m),
        [RoleFamily.DataAnalytics] = new(10_000m, 20_000m),
        [RoleFamily.AuditAssurance] = new(8_000m, 15_000m),
        [RoleFamily.Tax] = new(8_000m, 15_000m),
        [RoleFamily.ConsultingAdvisory] = new(15_000m, 30_000m),
        [RoleFamily.Cybersecurity] = new(10_000m, 20_000m),
        [RoleFamily.FinanceAccounting] = new(8_000m, 15_000m),
        [RoleFamily.Other] = new(8_000m, 15_000m),
    };

    private static decimal IndiaMultiplier(IndianCityTier tier) => tier switch
    {
        IndianCityTier.Tier1 => 1.2m,
        IndianCityTier.Remote => 1.1m,
        _ => 1.0m,
    };

    /// <summary>Outside India, professional services (audit, tax, advisory, finance): internship per month, then annual bands.</summary>
    private static readonly Dictionary<string, (string Currency, string Symbol, Band InternMonthly, Band Entry, Band EarlyCareer, Band Experienced)> Abroad = new()
    {
        ["US"] = ("USD", "$", new(3_500m, 5_500m), new(55_000m, 75_000m), new(75_000m, 100_000m), new(100_000m, 150_000m)),
        ["GB"] = ("GBP", "£", new(1_800m, 2_500m), new(28_000m, 35_000m), new(38_000m, 50_000m), new(55_000m, 80_000m)),
        ["EU"] = ("EUR", "€", new(1_200m, 2_000m), new(40_000m, 50_000m), new(50_000m, 65_000m), new(65_000m, 90_000m)),
        ["SG"] = ("SGD", "S$", new(1_500m, 2_500m), new(48_000m, 60_000m), new(60_000m, 85_000m), new(90_000m, 130_000m)),
        ["AE"] = ("AED", "AED ", new(3_000m, 5_000m), new(96_000m, 144_000m), new(144_000m, 216_000m), new(240_000m, 360_000m)),
        ["AU"] = ("AUD", "A$", new(3_500m, 5_000m), new(65_000m, 80_000m), new(85_000m, 110_000m), new(120_000m, 160_000m)),
        ["CA"] = ("CAD", "C$", new(3_000m, 4_500m), new(55_000m, 70_000m), new(70_000m, 95_000m), new(100_000m, 140_000m)),
    };

    /// <summary>Software, data and security roles abroad pay noticeably more than the professional-services row.</summary>
    private const decimal AbroadTechPremium = 1.3m;

    public static SalaryRange Estimate(RoleFamily family, Seniority seniority, WorkLocation location) =>
        location.InIndia || !Abroad.ContainsKey(location.Country)
            ? India(family, seniority, location.Tier)
            : Outside(family, seniority, location.Country);

    private static SalaryRange India(RoleFamily family, Seniority seniority, IndianCityTier tier)
    {
        var multiplier = IndiaMultiplier(tier);
        if (seniority == Seniority.Internship)
        {
            var stipend = IndiaInternshipMonthly[family];
            var (min, max) = (Round(stipend.Min * multiplier, 1_000m), Round(stipend.Max * multiplier, 1_000m));
            return new SalaryRange("INR", min, max, "month", $"₹{Group(min)} – ₹{Group(max)} per month");
        }

        var bands = IndiaAnnualLakhs[family];
        var band = seniority switch { Seniority.EntryLevel => bands.Entry, Seniority.EarlyCareer => bands.EarlyCareer, _ => bands.Experienced };
        var (minL, maxL) = (Round(band.Min * multiplier, 0.5m), Round(band.Max * multiplier, 0.5m));
        return new SalaryRange("INR", minL * Lakh, maxL * Lakh, "year", $"₹{Lakhs(minL)}L – ₹{Lakhs(maxL)}L per year");
    }

    private static SalaryRange Outside(RoleFamily family, Seniority seniority, string country)
    {
        var row = Abroad[country];
        var premium = family is RoleFamily.SoftwareEngineering or RoleFamily.DataAnalytics or RoleFamily.Cybersecurity ? AbroadTechPremium : 1m;
        var (band, period, step) = seniority switch
        {
            Seniority.Internship => (row.InternMonthly, "month", 100m),
            Seniority.EntryLevel => (row.Entry, "year", 1_000m),
            Seniority.EarlyCareer => (row.EarlyCareer, "year", 1_000m),
            _ => (row.Experienced, "year", 1_000m),
        };
        var (min, max) = (Round(band.Min * premium, step), Round(band.Max * premium, step));
        return new SalaryRange(row.Currency, min, max, period, $"{row.Symbol}{Group(min)} – {row.Symbol}{Group(max)} per {period}");
    }

    private static decimal Round(decimal value, decimal step) => Math.Round(value / step, MidpointRounding.AwayFromZero) * step;

    private static string Lakhs(decimal lakhs) => lakhs.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Thousands separators. Rupees are shown in full only for monthly stipends (under ₹1 lakh), where Indian and Western grouping agree.</summary>
    private static string Group(decimal amount) => amount.ToString("#,0", CultureInfo.InvariantCulture);
}
