using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Net.Http.Headers;
using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Api.Adapters.Storage;

/// <summary>
/// The file-storage port on an S3-compatible bucket (AWS S3, MinIO, Ceph, R2). Keys are the same content-addressed
/// keys as on the local disk and become object keys unchanged, so an object never changes once written: saving a key
/// that exists is a no-op. Downloads are presigned GETs (<see cref="IFileLinks"/>) that carry the file's name.
/// Transient failures (throttling, 5xx, timeouts) are retried by the SDK's standard retry mode; anything else surfaces
/// as a <see cref="FileStorageException"/> naming the bucket, the key and S3's error code.
/// </summary>
public sealed class S3FileStorage(IAmazonS3 s3, S3StorageSettings settings) : IFileStorage, IFileLinks
{
    private readonly string _bucket = settings.Bucket!;
    private readonly ServerSideEncryptionMethod? _encryption = EncryptionFor(settings.ServerSideEncryption);

    // Presigned URLs take their scheme from the request, not from the service URL: an http MinIO needs http links.
    private readonly Protocol _protocol = settings.ServiceUrl?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true
        ? Protocol.HTTP
        : Protocol.HTTPS;

    /// <summary>The client for a bucket's settings: explicit keys or the SDK's default credential chain.</summary>
    public static AmazonS3Client CreateClient(S3StorageSettings settings)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.ForcePathStyle,
            RetryMode = RequestRetryMode.Standard,
            // Checksums only where S3 demands them: the streaming checksum trailers of SDK v4 are not understood by
            // every S3-compatible service, and keys already name the content's sha256.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(settings.ServiceUrl))
        {
            config.ServiceURL = settings.ServiceUrl;
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(settings.Region) ? "us-east-1" : settings.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region);
        }

        return string.IsNullOrEmpty(settings.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
    }

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        CheckKey(key);
        if (await ExistsAsync(key, cancellationToken)) return;

        // One signed request with the payload's hash rather than aws-chunked encoding, which not every S3-compatible
        // service speaks. Hashing needs a seekable stream: a copy from another object is buffered (resumes are small).
        await using var buffered = content.CanSeek ? null : new MemoryStream();
        if (buffered is not null)
        {
            await content.CopyToAsync(buffered, cancellationToken);
            buffered.Position = 0;
        }
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            InputStream = buffered ?? content,
            AutoCloseStream = false,
            UseChunkEncoding = false,
        };
        if (_encryption is not null)
        {
            request.ServerSideEncryptionMethod = _encryption;
            if (!string.IsNullOrEmpty(settings.KmsKeyId)) request.ServerSideEncryptionKeyManagementServiceKeyId = settings.KmsKeyId;
        }
        await Call("store", key, () => s3.PutObjectAsync(request, cancellationToken));
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        CheckKey(key);
        try
        {
            var response = await s3.GetObjectAsync(_bucket, key, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            throw Failure("read", key, e);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        CheckKey(key);
        // S3 answers 204 for a key that is not there, so deleting is idempotent as on the disk.
        return Call("delete", key, () => s3.DeleteObjectAsync(_bucket, key, cancellationToken));
    }

    public async Task<string?> DownloadUrlAsync(
        string key, string fileName, string contentType, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        CheckKey(key);
        // A link to a missing object would only fail in the browser with S3's XML error: say so here instead.
        if (!await ExistsAsync(key, cancellationToken)) return null;

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        var request = new GetPreSignedUrlRequest
        {
            BucketName = _bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Protocol = _protocol,
            Expires = expiresAt.UtcDateTime,
            ResponseHeaderOverrides = { ContentDisposition = disposition.ToString(), ContentType = contentType },
        };
        return await s3.GetPreSignedURLAsync(request);
    }

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await s3.GetObjectMetadataAsync(_bucket, key, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            throw Failure("look up", key, e);
        }
    }

    private async Task Call<T>(string what, string key, Func<Task<T>> call)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            throw Failure(what, key, e);
        }
    }

    // What is left once the SDK gave up retrying: S3's answer, or the network failing.
    private static bool IsStorageFailure(Exception e) => e is AmazonClientException or HttpRequestException;

    private FileStorageException Failure(string what, string key, Exception e)
    {
        var reason = e is AmazonServiceException service ? $"{(int)service.StatusCode} {service.ErrorCode}: {service.Message}" : e.Message;
        return new($"Could not {what} '{key}' in S3 bucket '{_bucket}': {reason}", e);
    }

    private static void CheckKey(string key)
    {
        if (!StorageKeys.IsValid(key)) throw new ArgumentException($"Not a valid storage key: '{key}'.", nameof(key));
    }

    private static ServerSideEncryptionMethod? EncryptionFor(string? setting) => setting?.ToLowerInvariant() switch
    {
        null or "" => null,
        "aes256" => ServerSideEncryptionMethod.AES256,
        "aws:kms" => ServerSideEncryptionMethod.AWSKMS,
        _ => throw new ArgumentException($"Unknown server-side encryption '{setting}'.", nameof(setting)),
    };
}
