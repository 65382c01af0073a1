using System.Security.Cryptography;
using System.Text;

namespace OttobonJobs.Domain.Jobs;

/// <summary>
/// Scraped jobs get a stream id derived from (company, external id): the same posting always maps to the same
/// stream, so two runs (or two servers) can never turn one posting into two jobs — the second StartStream fails.
/// </summary>
public static class JobIdentity
{
    // A fixed namespace for name-based (version 5 style) UUIDs of scraped postings.
    private static readonly Guid ScrapedNamespace = new("6f1c9a52-8d4e-4f0b-9a57-3c2d1e0b7a41");

    public static Guid ForScrapedPosting(string company, string externalId)
    {
        var name = Encoding.UTF8.GetBytes($"{company.Trim().ToLowerInvariant()}\n{externalId.Trim()}");
        var input = ScrapedNamespace.ToByteArray(bigEndian: true).Concat(name).ToArray();
        var hash = SHA1.HashData(input);

        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }
}
