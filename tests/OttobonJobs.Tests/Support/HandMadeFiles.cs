using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace OttobonJobs.Tests.Support;

/// <summary>
/// Files PdfPig cannot write for us, written byte by byte: an encrypted PDF (PdfPig reads encryption but does not
/// write it) and a small PNG "scan" for the image-only PDF.
/// </summary>
internal static class HandMadeFiles
{
    // PDF 1.7, 7.6.3.3: the padding string of the standard security handler.
    private static readonly byte[] PasswordPadding = Convert.FromHexString("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A");

    /// <summary>
    /// A one-page PDF encrypted with the standard security handler (revision 2, RC4 with a 40-bit key), the text
    /// drawn in Helvetica. With a non-empty <paramref name="userPassword"/> it cannot be opened without it; with an
    /// empty one it opens freely and only the owner password restricts it, as many "secured" PDFs do.
    /// </summary>
    public static byte[] EncryptedPdf(string userPassword, string ownerPassword, string text)
    {
        var fileId = SHA256.HashData(Encoding.UTF8.GetBytes(text))[..16];
        const int permissions = -44; // print and copy denied, the rest allowed

        // Algorithm 3: the owner entry.
        var ownerKey = MD5.HashData(Padded(ownerPassword))[..5];
        var owner = Rc4(ownerKey, Padded(userPassword));

        // Algorithm 2: the file key; algorithm 4: the user entry.
        var fileKey = MD5.HashData([.. Padded(userPassword), .. owner, .. BitConverter.GetBytes(permissions), .. fileId])[..5];
        var user = Rc4(fileKey, PasswordPadding);

        // Algorithm 1: each object's strings and streams are encrypted with a key derived from its number.
        byte[] ObjectKey(int number) => MD5.HashData([.. fileKey, (byte)number, (byte)(number >> 8), (byte)(number >> 16), 0, 0])[..10];

        var contents = new StringBuilder("BT /F1 11 Tf 14 TL 50 790 Td\n");
        foreach (var line in text.Split('\n'))
            contents.Append('(').Append(line.Replace(@"\", @"\\").Replace("(", @"\(").Replace(")", @"\)")).Append(") Tj T*\n");
        contents.Append("ET");
        var encryptedContents = Rc4(ObjectKey(4), Encoding.Latin1.GetBytes(contents.ToString()));

        var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string s) => pdf.Write(Encoding.Latin1.GetBytes(s));
        void StartObject() => offsets.Add(pdf.Position);

        Write("%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n");
        StartObject(); Write("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        StartObject(); Write("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        StartObject(); Write("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>\nendobj\n");
        StartObject(); Write($"4 0 obj\n<< /Length {encryptedContents.Length} >>\nstream\n"); pdf.Write(encryptedContents); Write("\nendstream\nendobj\n");
        StartObject(); Write("5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n");
        StartObject(); Write($"6 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> /P {permissions} >>\nendobj\n");

        var crossReference = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Write($"{offset:D10} 00000 n \n");
        var id = Convert.ToHexString(fileId);
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{crossReference}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>An RGB PNG that looks like a scanned page: white with grey bars where lines of text would be.</summary>
    public static byte[] ScannedPagePng(int width = 120, int height = 160)
    {
        var rows = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            rows.WriteByte(0); // filter: none
            var isTextLine = y > 10 && y < height - 10 && y % 8 < 3;
            for (var x = 0; x < width; x++)
            {
                var ink = isTextLine && x > 10 && x < width - 10 - (y * 7 % 30);
                var shade = (byte)(ink ? 70 : 250);
                rows.Write([shade, shade, shade]);
            }
        }

        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            rows.WriteTo(zlib);

        var header = new byte[13];
        WriteBigEndian(header, 0, (uint)width);
        WriteBigEndian(header, 4, (uint)height);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour RGB

        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Padded(string password)
    {
        var bytes = Encoding.Latin1.GetBytes(password);
        var padded = new byte[32];
        var length = Math.Min(32, bytes.Length);
        Array.Copy(bytes, padded, length);
        Array.Copy(PasswordPadding, 0, padded, length, 32 - length);
        return padded;
    }

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var state = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + state[i] + key[i % key.Length]) & 255;
            (state[i], state[j]) = (state[j], state[i]);
        }

        var output = new byte[data.Length];
        for (int k = 0, i = 0, j = 0; k < data.Length; k++)
        {
            i = (i + 1) & 255;
            j = (j + state[i]) & 255;
            (state[i], state[j]) = (state[j], state[i]);
            output[k] = (byte)(data[k] ^ state[(state[i] + state[j]) & 255]);
        }
        return output;
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, (uint)data.Length);
        png.Write(length);

        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typeAndData);

        var crc = new byte[4];
        WriteBigEndian(crc, 0, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    private static void WriteBigEndian(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }
}
