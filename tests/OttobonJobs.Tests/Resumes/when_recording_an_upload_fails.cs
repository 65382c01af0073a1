using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Adapters.Documents;
using OttobonJobs.Api.Adapters.Storage;
using OttobonJobs.Api.Resumes;
using OttobonJobs.Tests.Support;
using Wolverine;

namespace OttobonJobs.Tests.Resumes;

/// <summary>The file is stored before the stream decides; when the commit fails, the file must go again.</summary>
public class when_recording_an_upload_fails
{
    [Fact]
    public async Task the_stored_file_is_deleted_and_the_failure_surfaces()
    {
        var root = Directory.CreateTempSubdirectory("ottobon-failed-upload-").FullName;
        var uploads = new ResumeUploads(
            FailingCommit.Bus(), new DocumentTextExtractor(), new LocalFileStorage(root),
            Options.Create(new ResumeSettings()), NullLogger<ResumeUploads>.Instance);

        var failure = await Should.ThrowAsync<InvalidOperationException>(
            () => uploads.AcceptAsync(UploadRequest(ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume), "cv.pdf"), Guid.NewGuid(), CancellationToken.None));

        failure.Message.ShouldBe(FailingCommit.Reason);
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    private static HttpRequest UploadRequest(byte[] content, string fileName)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "multipart/form-data; boundary=test";
        var file = new FormFile(new MemoryStream(content), 0, content.Length, "file", fileName);
        context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(null, new FormFileCollection { file })));
        return context.Request;
    }
}

/// <summary>A message bus whose every invocation fails as a lost commit would.</summary>
public class FailingCommit : DispatchProxy
{
    public const string Reason = "The transaction could not be committed.";

    public static IMessageBus Bus() => Create<IMessageBus, FailingCommit>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var returnType = targetMethod!.ReturnType;
        var failure = new InvalidOperationException(Reason);
        if (!returnType.IsGenericType || returnType.GetGenericTypeDefinition() != typeof(Task<>)) return Task.FromException(failure);

        var fromException = typeof(Task).GetMethods().Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethod);
        return fromException.MakeGenericMethod(returnType.GetGenericArguments()[0]).Invoke(null, [failure]);
    }
}
