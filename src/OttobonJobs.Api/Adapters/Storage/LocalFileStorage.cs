using Microsoft.Extensions.Options;
using OttobonJobs.Domain.Resumes;

namespace OttobonJobs.Api.Adapters.Storage;

/// <summary>
/// The file-storage port on the local disk, under <see cref="StorageSettings.Root"/>. Keys name one upload of one
/// content (<c>resumes/{userId}/{uploadId}-{sha256}.pdf</c>), so a file never changes once written: saving an
/// existing key is a no-op.
/// Writes go to a temporary file in the same folder and are moved into place, so a reader never sees half a file.
/// On Unix files are created 600 and folders 700.
/// </summary>
public sealed class LocalFileStorage : IFileStorage
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const int BufferSize = 81920;

    public LocalFileStorage(IOptions<StorageSettings> settings) : this(settings.Value.ResolveRoot())
    {
    }

    public LocalFileStorage(string root)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    /// <summary>The full path of the folder every key lives under.</summary>
    public string Root { get; }

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        if (File.Exists(path)) return;

        var folder = Path.GetDirectoryName(path)!;
        CreateFolder(folder);

        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, NewFileOptions()))
            {
                await content.CopyToAsync(file, BufferSize, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Someone stored the same key meanwhile; with content-addressed keys it holds the same bytes.
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever stored there: deleting is idempotent.
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The full path for a key. Keys are built by our own code, but the check is kept strict anyway: a key that does
    /// not have the expected shape, or that would resolve outside <see cref="Root"/>, is refused.
    /// </summary>
    /// <exception cref="ArgumentException">The key is not a valid storage key.</exception>
    public string PathFor(string key)
    {
        if (!StorageKeys.IsValid(key))
            throw new ArgumentException($"Not a valid storage key: '{key}'.", nameof(key));

        var path = Path.GetFullPath(Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Storage key '{key}' points outside the storage folder.", nameof(key));
        return path;
    }

    private static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
    }

    private static FileStreamOptions NewFileOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = BufferSize,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        return options;
    }
}
