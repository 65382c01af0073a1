using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>The reasons a document cannot be read, worded for the person who uploaded it.</summary>
public static class DocumentProblems
{
    public const string PasswordProtectedPdf =
        "This PDF is password-protected. Remove the password (for example, print it to a new PDF) and upload it again.";

    public const string DamagedPdf =
        "This PDF could not be read (it may be damaged or incomplete). Export it again from your editor and upload the new file.";

    public const string NotAWordDocument =
        "This file is not a Word document (.docx). Upload your resume as a PDF or as a Word .docx file.";

    public const string DamagedWordDocument =
        "This Word file could not be read (it may be damaged). Save it again as .docx, or upload it as a PDF.";

    public const string WordDocumentTooLarge =
        "This Word file is too large when unpacked. Save it again without large images or embedded files, or upload it as a PDF.";

    public const string PdfTooLarge =
        "This PDF is too large once unpacked (it holds more data than a resume needs). Export it again without large images, or upload it as a Word .docx file.";

    public const string PdfNestedTooDeeply =
        "This PDF's structure is nested far deeper than any real document's, so it was not read. Export it again from your editor, or upload it as a Word .docx file.";

    public const string TookTooLong =
        "This file took too long to read (it is unusually complex). Export it again from your editor, or upload it in the other format (PDF or .docx).";

    public const string TooBusy =
        "Too many files are being read right now. Please try again in a minute.";

    public const string FileTooLarge =
        "This file is too large to read. Upload a resume of a few pages, as a PDF or a Word .docx file.";

    public const string UnsupportedFormat =
        "Only PDF and Word (.docx) files can be read. Save your resume in one of those formats and upload it again.";

    internal static UnreadableDocumentException Because(string message, Exception? inner = null) => new(message, inner);
}
