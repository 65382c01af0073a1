using System.Security.Cryptography;
using OttobonJobs.Api.Adapters.Storage;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Documents;

public sealed class when_storing_files_locally : IDisposable
{
    private readonly string sandbox = Directory.CreateTempSubdirectory("ottobon-storage-").FullName;
    private readonly LocalFileStorage storage;
    private readonly CancellationToken none = CancellationToken.None;

    public when_storing_files_locally()
    {
        storage = new LocalFileStorage(Path.Combine(sandbox, "files"));
    }

    public void Dispose() => Directory.Delete(sandbox, recursive: true);

    private static string KeyFor(byte[] content, string userId = "0b7c2a64-1f3e-4c55-9d0a-6f1e2b3c4d5e") =>
        $"resumes/{userId}/{Convert.ToHexStringLower(SHA256.HashData(content))}.pdf";

    private async Task<byte[]?> Read(string key)
    {
        await using var stream = await storage.OpenAsync(key, none);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task what_is_saved_reads_back_byte_for_byte()
    {
        var resume = ResumeFiles.OnePagePdf();
        var key = KeyFor(resume);

        await storage.SaveAsync(key, new MemoryStream(resume), none);

        (await Read(key)).ShouldBe(resume);
        File.Exists(Path.Combine(storage.Root, key)).ShouldBeTrue();
    }

    [Fact]
    public async Task saving_the_same_key_again_changes_nothing()
    {
        var resume = ResumeFiles.OnePagePdf();
        var key = KeyFor(resume);
        await storage.SaveAsync(key, new MemoryStream(resume), none);
        var written = File.GetLastWriteTimeUtc(storage.PathFor(key));

        await storage.SaveAsync(key, new MemoryStream([1, 2, 3]), none);

        (await Read(key)).ShouldBe(resume);
        File.GetLastWriteTimeUtc(storage.PathFor(key)).ShouldBe(written);
    }

    [Fact]
    public async Task simultaneous_saves_of_one_key_leave_one_whole_file()
    {
        var resume = ResumeFiles.FivePagePdf();
        var key = KeyFor(resume);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => storage.SaveAsync(key, new MemoryStream(resume), none))));

        (await Read(key)).ShouldBe(resume);
        Directory.GetFiles(Path.GetDirectoryName(storage.PathFor(key))!).ShouldBe([storage.PathFor(key)]);
    }

    [Fact]
    public async Task no_temporary_file_is_left_behind()
    {
        var key = KeyFor([42]);

        await storage.SaveAsync(key, new MemoryStream([42]), none);

        Directory.GetFiles(storage.Root, "*", SearchOption.AllDirectories).ShouldBe([storage.PathFor(key)]);
    }

    [Fact]
    public async Task a_failed_write_leaves_nothing_behind()
    {
        var key = KeyFor([7]);

        await Should.ThrowAsync<IOException>(() => storage.SaveAsync(key, new FailingStream(), none));

        File.Exists(storage.PathFor(key)).ShouldBeFalse();
        Directory.GetFiles(storage.Root, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_missing_file_opens_as_null() =>
        (await storage.OpenAsync("resumes/nobody/missing.pdf", none)).ShouldBeNull();

    [Fact]
    public async Task deleting_removes_the_file_and_can_be_repeated()
    {
        var key = KeyFor([1]);
        await storage.SaveAsync(key, new MemoryStream([1]), none);

        await storage.DeleteAsync(key, none);
        await storage.DeleteAsync(key, none);
        await storage.DeleteAsync("resumes/never/stored.pdf", none);

        (await storage.OpenAsync(key, none)).ShouldBeNull();
    }

    [Fact]
    public async Task files_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        var key = KeyFor([9]);

        await storage.SaveAsync(key, new MemoryStream([9]), none);

        File.GetUnixFileMode(storage.PathFor(key)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(Path.GetDirectoryName(storage.PathFor(key))!)
            .ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public static TheoryData<string> HostileKeys => new(
        "../outside.pdf",
        "resumes/../../outside.pdf",
        "resumes/..",
        "..",
        ".",
        "/etc/passwd",
        "resumes//x.pdf",
        "resumes/x.pdf/",
        "resumes/.hidden",
        "resumes/./x.pdf",
        "resumes\\..\\..\\outside.pdf",
        "Resumes/X.pdf",
        "resumes/x y.pdf",
        "resumes/%2e%2e/x.pdf",
        "resumes/x\0.pdf",
        "resumes/résumé.pdf",
        "C:/outside.pdf",
        "~/outside.pdf",
        "",
        new string('a', 600));

    [Theory]
    [MemberData(nameof(HostileKeys))]
    public async Task a_key_that_could_leave_the_storage_folder_is_refused(string key)
    {
        await Should.ThrowAsync<ArgumentException>(() => storage.SaveAsync(key, new MemoryStream([1]), none));
        await Should.ThrowAsync<ArgumentException>(() => storage.OpenAsync(key, none));
        await Should.ThrowAsync<ArgumentException>(() => storage.DeleteAsync(key, none));

        Directory.GetFileSystemEntries(sandbox).ShouldBeEmpty("nothing was created, inside the storage folder or beside it");
    }

    [Fact]
    public async Task no_valid_key_resolves_outside_the_storage_folder()
    {
        var random = new Random(7);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789._-/";

        for (var i = 0; i < 5000; i++)
        {
            var key = new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            if (!StorageKeys.IsValid(key)) continue;

            storage.PathFor(key).ShouldStartWith(storage.Root + Path.DirectorySeparatorChar, customMessage: key);
        }

        await Task.CompletedTask;
    }

    [Fact]
    public void the_default_folder_is_under_xdg_data_home()
    {
        var environment = new Dictionary<string, string?> { ["XDG_DATA_HOME"] = "/srv/data", ["HOME"] = "/home/priya" };

        StorageSettings.DefaultRoot(name => environment.GetValueOrDefault(name))
            .ShouldBe(Path.Combine("/srv/data", "ottobon-jobs", "files"));
    }

    [Fact]
    public void without_xdg_data_home_the_default_folder_is_under_the_home_folder()
    {
        if (OperatingSystem.IsWindows()) return;
        var environment = new Dictionary<string, string?> { ["XDG_DATA_HOME"] = "relative/ignored", ["HOME"] = "/home/priya" };

        StorageSettings.DefaultRoot(name => environment.GetValueOrDefault(name))
            .ShouldBe("/home/priya/.local/share/ottobon-jobs/files");
    }

    [Fact]
    public void a_configured_root_wins_and_is_made_absolute()
    {
        new StorageSettings { Root = sandbox }.ResolveRoot().ShouldBe(sandbox);
        new StorageSettings { Root = "relative-files" }.ResolveRoot().ShouldBe(Path.GetFullPath("relative-files"));
    }

    private sealed class FailingStream : MemoryStream
    {
        public FailingStream() : base(new byte[100_000]) { }

        public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
            throw new IOException("The client went away.");
    }
}
