using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Tests.Hosting;

/// <summary>
/// Generating code sets a process-wide flag (<see cref="DynamicCodeBuilder.WithinCodegenCommand"/>) that makes every
/// host built meanwhile skip its database and durability: nothing else may start a host while it is on.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CodeGenerationRuns
{
    public const string Name = "code generation";
}

/// <summary>
/// Release builds run the handler code committed under src/OttobonJobs.Api/Internal/Generated (TypeLoadMode.Static),
/// so it must be exactly what `codegen write` produces from the handlers as they are now. This generates it again, the
/// way scripts/codegen.sh does (Dynamic discovery, so new handlers are found), into a temporary folder and compares.
/// </summary>
[Collection(CodeGenerationRuns.Name)]
public class the_pregenerated_code_matches_the_handlers
{
    private const string Fix = "Run scripts/codegen.sh and commit src/OttobonJobs.Api/Internal/Generated.";

    [Fact]
    public async Task the_committed_code_is_what_codegen_writes_for_the_current_handlers()
    {
        var committed = Path.Combine(RepositoryRoot(), "src", "OttobonJobs.Api", "Internal", "Generated");
        Directory.Exists(committed).ShouldBeTrue($"{committed} is missing. {Fix}");
        var fresh = Directory.CreateTempSubdirectory("ottobon-codegen-").FullName;
        try
        {
            await WriteGeneratedCodeAsync(fresh);

            var expected = Files(fresh);
            var actual = Files(committed);
            expected.Count.ShouldBeGreaterThan(20, "codegen wrote (almost) nothing: the comparison would prove nothing");
            var missing = expected.Keys.Except(actual.Keys).Order().ToList();
            var extra = actual.Keys.Except(expected.Keys).Order().ToList();
            var changed = expected.Keys.Intersect(actual.Keys).Where(file => expected[file] != actual[file]).Order().ToList();
            if (missing.Count + extra.Count + changed.Count > 0)
                Assert.Fail($"The pre-generated Wolverine code is stale. {Fix}\n" +
                            List("changed", changed) + List("missing", missing) + List("no longer generated", extra));
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
        }
    }

    [Fact]
    public void a_release_build_outside_development_loads_the_pregenerated_code_and_development_generates_it()
    {
#if RELEASE
        EventStoreSetup.HasPregeneratedCode.ShouldBeTrue("Release builds compile in Internal/Generated");
#endif
        var production = new HostingEnvironment { EnvironmentName = Environments.Production };
        EventStoreSetup.DefaultTypeLoadMode(production)
            .ShouldBe(EventStoreSetup.HasPregeneratedCode ? TypeLoadMode.Static : TypeLoadMode.Dynamic);
        EventStoreSetup.DefaultTypeLoadMode(new HostingEnvironment { EnvironmentName = Environments.Development }).ShouldBe(TypeLoadMode.Dynamic);
    }

    /// <summary>What `codegen write` does, with the output folder moved: build the app (never start it), write every code file.</summary>
    private static async Task WriteGeneratedCodeAsync(string folder)
    {
        DynamicCodeBuilder.WithinCodegenCommand = true;
        try
        {
            await using var app = OttobonApi.Build(["--environment", Environments.Production], builder =>
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    // Composing the store wants an address; nothing connects to it.
                    ["Ottobon:DatabaseUrl"] = "Host=codegen.invalid",
                    [EventStoreSetup.TypeLoadModeKey] = nameof(TypeLoadMode.Dynamic),
                }));
            var collections = app.Services.GetServices<ICodeFileCollection>().ToArray();
            foreach (var collection in collections) collection.Rules.GeneratedCodeOutputPath = folder;
            new DynamicCodeBuilder(app.Services, collections) { ServiceVariableSource = app.Services.GetService<IServiceVariableSource>() }
                .WriteGeneratedCode(_ => { });
        }
        finally
        {
            DynamicCodeBuilder.WithinCodegenCommand = false;
        }
    }

    private static Dictionary<string, string> Files(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(root, path).Replace('\\', '/'), path => File.ReadAllText(path).ReplaceLineEndings("\n"));

    private static string List(string what, List<string> files) =>
        files.Count == 0 ? "" : $"  {what} ({files.Count}): {string.Join(", ", files.Take(10))}{(files.Count > 10 ? ", …" : "")}\n";

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "OttobonJobs.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root (with OttobonJobs.sln) was not found above " + AppContext.BaseDirectory);
    }
}
