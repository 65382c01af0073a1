namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>
/// How deeply a PDF's own syntax nests arrays and dictionaries, read from the raw bytes without parsing objects.
/// PdfPig stops at its depth limit, but lenient parsing may then drop the object and carry on with an empty page;
/// this lets such a file be refused with a reason instead. Compressed streams are left to PdfPig's limit.
/// </summary>
internal static class PdfNesting
{
    public static bool Exceeds(ReadOnlySpan<byte> pdf, int maxDepth)
    {
        var depth = 0;
        for (var i = 0; i < pdf.Length; i++)
        {
            switch (pdf[i])
            {
                case (byte)'%':
                    while (i < pdf.Length && pdf[i] is not ((byte)'\n' or (byte)'\r')) i++;
                    break;
                case (byte)'(':
                    i = EndOfLiteralString(pdf, i);
                    break;
                case (byte)'[':
                    if (++depth > maxDepth) return true;
                    break;
                case (byte)'<' when i + 1 < pdf.Length && pdf[i + 1] == '<':
                    i++;
                    if (++depth > maxDepth) return true;
                    break;
                case (byte)']':
                    depth = Math.Max(0, depth - 1);
                    break;
                case (byte)'>' when i + 1 < pdf.Length && pdf[i + 1] == '>':
                    i++;
                    depth = Math.Max(0, depth - 1);
                    break;
                case (byte)'s' when pdf[i..].StartsWith("stream"u8) && (i == 0 || !char.IsAsciiLetter((char)pdf[i - 1])):
                    // Stream data is binary: skip to its end.
                    var end = pdf[i..].IndexOf("endstream"u8);
                    if (end < 0) return false;
                    i += end + "endstream".Length - 1;
                    break;
            }
        }
        return false;
    }

    /// <summary>A literal string nests balanced parentheses and escapes others with a backslash.</summary>
    private static int EndOfLiteralString(ReadOnlySpan<byte> pdf, int start)
    {
        var open = 0;
        for (var i = start; i < pdf.Length; i++)
        {
            switch (pdf[i])
            {
                case (byte)'\\':
                    i++;
                    break;
                case (byte)'(':
                    open++;
                    break;
                case (byte)')' when --open == 0:
                    return i;
            }
        }
        return pdf.Length;
    }
}
