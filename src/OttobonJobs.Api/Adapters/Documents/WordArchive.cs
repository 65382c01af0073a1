using System.IO.Compression;
using System.Xml;
using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>
/// Looks inside a .docx as a plain zip before the Open XML SDK unpacks anything: it must hold word/document.xml
/// and stay within <see cref="DocumentLimits"/> (entry count, total unpacked size, compression ratio, XML nesting).
/// </summary>
/// <remarks>
/// The sizes come from the zip's central directory, which an attacker writes. That is enough here because .NET's
/// <see cref="ZipArchive"/> never inflates an entry beyond its declared size (it stops there), and the Open XML SDK
/// reads parts through <see cref="ZipArchive"/>: a zip that understates its sizes gets cut off and fails to parse.
/// </remarks>
internal static class WordArchive
{
    public const string MainDocument = "word/document.xml";

    /// <exception cref="UnreadableDocumentException">Not a zip, no Word document inside, too large unpacked, or nested too deeply.</exception>
    public static void Check(Stream content, DocumentLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries)
                throw DocumentProblems.Because(DocumentProblems.WordDocumentTooLarge);

            var unpacked = 0L;
            var hasMainDocument = false;
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                if (unpacked > limits.MaxUnpackedBytes || IsSuspiciouslyCompressed(entry, limits))
                    throw DocumentProblems.Because(DocumentProblems.WordDocumentTooLarge);

                hasMainDocument |= string.Equals(entry.FullName, MainDocument, StringComparison.OrdinalIgnoreCase);
            }

            if (!hasMainDocument)
                throw DocumentProblems.Because(DocumentProblems.NotAWordDocument);

            foreach (var entry in zip.Entries.Where(IsXml))
            {
                if (NestsDeeperThan(entry, limits.MaxXmlDepth))
                    throw DocumentProblems.Because(DocumentProblems.DamagedWordDocument);
            }
        }
        catch (InvalidDataException e)
        {
            throw DocumentProblems.Because(DocumentProblems.DamagedWordDocument, e);
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static bool IsXml(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ||
        entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Streams through the entry (XmlReader keeps no tree and does not recurse) and stops at the first element
    /// deeper than <paramref name="maxDepth"/>. Malformed XML is left for the Open XML SDK to report.
    /// </summary>
    private static bool NestsDeeperThan(ZipArchiveEntry entry, int maxDepth)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true };
        try
        {
            using var reader = XmlReader.Create(entry.Open(), settings);
            while (reader.Read())
            {
                if (reader.Depth > maxDepth) return true;
            }
            return false;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static bool IsSuspiciouslyCompressed(ZipArchiveEntry entry, DocumentLimits limits) =>
        entry.Length > limits.RatioCheckFromBytes && entry.Length > entry.CompressedLength * limits.MaxCompressionRatio;
}
