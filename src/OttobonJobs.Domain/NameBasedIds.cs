using System.Security.Cryptography;
using System.Text;

namespace OttobonJobs.Domain;

/// <summary>
/// Name-based (version 5 style) UUIDs: the same name in the same namespace always gives the same id, so a stream whose
/// id is derived from its natural key can only be started once — a second start is a stream collision, not a duplicate.
/// </summary>
public static class NameBasedIds
{
    public static Guid Create(Guid @namespace, string name)
    {
        var input = @namespace.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        var bytes = SHA1.HashData(input)[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }
}
