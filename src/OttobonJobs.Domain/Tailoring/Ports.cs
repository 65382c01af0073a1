namespace OttobonJobs.Domain.Tailoring;

/// <summary>
/// The tailoring port: a resume draft and a cover letter for a job, grounded in the resume's own content.
/// Adapters: OpenAI (when configured) and the offline <see cref="LocalTailoring"/>.
/// </summary>
public interface IResumeTailor
{
    /// <exception cref="TailoringUnavailableException">The writer failed (down, refused, or answered badly); the local draft still works.</exception>
    Task<TailoredDraft> TailorAsync(TailoringJob job, TailoringResume resume, CancellationToken cancellationToken);
}

public class TailoringUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
