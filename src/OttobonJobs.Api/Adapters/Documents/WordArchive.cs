using System.IO.Compression;
using System.Xml;
using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>
/// Looks inside a .docx as a plain zip before the Open XML SDK unpacks anything, and holds it to
/// <see cref="DocumentLimits"/> (entry count, total unpacked size, compression ratio, XML nesting):
/// <list type="bullet">
/// <item>every entry that reads as XML is depth-checked, whatever its name, since the SDK loads a part by its
/// relationship and content type, not by its name (<c>word/main.dat</c> is as good a main document as <c>word/document.xml</c>);</item>
/// <item>the relationships are followed from <c>_rels/.rels</c>: the main document is the <c>officeDocument</c> target and
/// must have a WordprocessingML content type, and every reached part whose content type is XML must be XML.</item>
/// </list>
/// </summary>
/// <remarks>
/// The sizes come from the zip's central directory, which an attacker writes. That is enough here because .NET's
/// <see cref="ZipArchive"/> never inflates an entry beyond its declared size (it stops there), and the Open XML SDK
/// reads parts through <see cref="ZipArchive"/>: a zip that understates its sizes gets cut off and fails to parse.
/// </remarks>
internal static class WordArchive
{
    private const string PackageRelationships = "_rels/.rels";
    private const string ContentTypesEntry = "[Content_Types].xml";
    private const string OfficeDocumentRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string StrictOfficeDocumentRelationship = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

    private static readonly HashSet<string> WordMainContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    };

    // As lenient as any reader the SDK or System.IO.Packaging may use (no DTD is ever expanded), so nothing that they
    // can load slips past the depth check by failing to parse here first.
    private static readonly XmlReaderSettings LenientReader = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        ConformanceLevel = ConformanceLevel.Fragment,
        CheckCharacters = false,
        CloseInput = true,
    };

    /// <exception cref="UnreadableDocumentException">Not a zip, no Word document inside, too large unpacked, nested too deeply,
    /// or a part that should be XML and is not.</exception>
    public static void Check(Stream content, DocumentLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries)
                throw DocumentProblems.Because(DocumentProblems.WordDocumentTooLarge);

            var unpacked = 0L;
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                if (unpacked > limits.MaxUnpackedBytes || IsSuspiciouslyCompressed(entry, limits))
                    throw DocumentProblems.Because(DocumentProblems.WordDocumentTooLarge);
            }

            var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries)
            {
                if (NestsDeeperThan(entry, limits.MaxXmlDepth) is XmlShape.TooDeep)
                    throw DocumentProblems.Because(DocumentProblems.DamagedWordDocument);
                entries.TryAdd(entry.FullName, entry);
            }

            CheckParts(entries, limits);
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

    /// <summary>Walks the relationships from the package root, as the SDK does when it opens the package.</summary>
    private static void CheckParts(Dictionary<string, ZipArchiveEntry> entries, DocumentLimits limits)
    {
        if (!entries.TryGetValue(PackageRelationships, out var rootRelationships) || !entries.TryGetValue(ContentTypesEntry, out var typesEntry))
            throw DocumentProblems.Because(DocumentProblems.NotAWordDocument);

        var contentTypes = ContentTypes.Read(typesEntry);
        var main = Relationships(rootRelationships, source: "")
            .FirstOrDefault(r => r.Type is OfficeDocumentRelationship or StrictOfficeDocumentRelationship);
        if (main is null || !entries.ContainsKey(main.Target) || !WordMainContentTypes.Contains(contentTypes.Of(main.Target) ?? ""))
            throw DocumentProblems.Because(DocumentProblems.NotAWordDocument);

        var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { PackageRelationships };
        var pending = new Queue<string>([PackageRelationships]);
        while (pending.TryDequeue(out var relationshipsPart))
        {
            var source = SourceOf(relationshipsPart);
            foreach (var relationship in Relationships(entries[relationshipsPart], source))
            {
                if (!entries.TryGetValue(relationship.Target, out var part) || !reached.Add(relationship.Target)) continue;
                if (reached.Count > limits.MaxZipEntries) throw DocumentProblems.Because(DocumentProblems.WordDocumentTooLarge);

                if (ContentTypes.IsXml(contentTypes.Of(relationship.Target)) && NestsDeeperThan(part, limits.MaxXmlDepth) is not XmlShape.Fits)
                    throw DocumentProblems.Because(DocumentProblems.DamagedWordDocument);

                var ownRelationships = RelationshipsPartOf(relationship.Target);
                if (entries.ContainsKey(ownRelationships) && reached.Add(ownRelationships)) pending.Enqueue(ownRelationships);
            }
        }
    }

    private sealed record Relationship(string Type, string Target);

    /// <summary>The internal relationships of a .rels part, their targets resolved to zip entry names.</summary>
    private static List<Relationship> Relationships(ZipArchiveEntry relationshipsPart, string source)
    {
        var found = new List<Relationship>();
        try
        {
            using var reader = XmlReader.Create(relationshipsPart.Open(), LenientReader);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship") continue;
                if (string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)) continue;

                var type = reader.GetAttribute("Type");
                var target = reader.GetAttribute("Target");
                if (type is null || string.IsNullOrWhiteSpace(target)) continue;
                if (ResolveTarget(source, target) is { } resolved) found.Add(new Relationship(type, resolved));
            }
        }
        catch (XmlException e)
        {
            throw DocumentProblems.Because(DocumentProblems.DamagedWordDocument, e);
        }
        return found;
    }

    /// <summary>A relationship target relative to its source part (or absolute from the package root), as a zip entry name.</summary>
    private static string? ResolveTarget(string source, string target)
    {
        if (!Uri.TryCreate(new Uri("pack://package/" + source), target, out var resolved) || resolved.Host != "package") return null;
        return Uri.UnescapeDataString(resolved.AbsolutePath.TrimStart('/'));
    }

    /// <summary><c>word/_rels/main.dat.rels</c> describes <c>word/main.dat</c>; <c>_rels/.rels</c> the package itself.</summary>
    private static string SourceOf(string relationshipsPart)
    {
        if (relationshipsPart.Equals(PackageRelationships, StringComparison.OrdinalIgnoreCase)) return "";
        var folder = Path.GetDirectoryName(Path.GetDirectoryName(relationshipsPart))?.Replace('\\', '/') ?? "";
        var name = Path.GetFileName(relationshipsPart)[..^".rels".Length];
        return folder.Length == 0 ? name : $"{folder}/{name}";
    }

    private static string RelationshipsPartOf(string part)
    {
        var folder = Path.GetDirectoryName(part)?.Replace('\\', '/') ?? "";
        var rels = $"_rels/{Path.GetFileName(part)}.rels";
        return folder.Length == 0 ? rels : $"{folder}/{rels}";
    }

    private enum XmlShape { Fits, TooDeep, NotXml }

    /// <summary>
    /// Streams through the entry (XmlReader keeps no tree and does not recurse) and stops at the first element
    /// deeper than <paramref name="maxDepth"/>.
    /// </summary>
    private static XmlShape NestsDeeperThan(ZipArchiveEntry entry, int maxDepth)
    {
        try
        {
            using var reader = XmlReader.Create(entry.Open(), LenientReader);
            while (reader.Read())
            {
                if (reader.Depth > maxDepth) return XmlShape.TooDeep;
            }
            return XmlShape.Fits;
        }
        catch (XmlException)
        {
            return XmlShape.NotXml;
        }
    }

    private static bool IsSuspiciouslyCompressed(ZipArchiveEntry entry, DocumentLimits limits) =>
        entry.Length > limits.RatioCheckFromBytes && entry.Length > entry.CompressedLength * limits.MaxCompressionRatio;

    /// <summary>[Content_Types].xml: a content type per part name (Override) or per extension (Default).</summary>
    private sealed class ContentTypes
    {
        private readonly Dictionary<string, string> _overrides = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _defaults = new(StringComparer.OrdinalIgnoreCase);

        public static ContentTypes Read(ZipArchiveEntry entry)
        {
            var types = new ContentTypes();
            try
            {
                using var reader = XmlReader.Create(entry.Open(), LenientReader);
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.GetAttribute("ContentType") is not { } contentType) continue;
                    if (reader.LocalName == "Override" && reader.GetAttribute("PartName") is { } partName)
                        types._overrides[Uri.UnescapeDataString(partName.TrimStart('/'))] = contentType;
                    else if (reader.LocalName == "Default" && reader.GetAttribute("Extension") is { } extension)
                        types._defaults[extension] = contentType;
                }
            }
            catch (XmlException e)
            {
                throw DocumentProblems.Because(DocumentProblems.DamagedWordDocument, e);
            }
            return types;
        }

        public string? Of(string part) =>
            _overrides.TryGetValue(part, out var type) ? type
            : _defaults.TryGetValue(Path.GetExtension(part).TrimStart('.'), out type) ? type
            : null;

        /// <summary>application/xml, text/xml and every "+xml" type the SDK parses as XML.</summary>
        public static bool IsXml(string? contentType)
        {
            if (contentType is null) return false;
            var mediaType = contentType.Split(';')[0].Trim();
            return mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase) ||
                   mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase) ||
                   mediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase);
        }
    }
}
