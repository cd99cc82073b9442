using System.Reflection;
using Cmms.Data.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data.IntegrationTests.Packaging;

/// <summary>
///     samples/Cmms.Data.Sample as an application team gets it: copied out of the repository, restored from a NuGet feed
///     holding the Cmms.Data.Conventions package of this build (artifacts/packages when .ci/run packed it, else packed
///     here), and built. Restored into a packages folder of its own, so no package of the same version in the NuGet
///     cache can stand in for the one on the feed.
/// </summary>
public sealed class PackedSample : IAsyncLifetime
{
    private const string PackageId = "Cmms.Data.Conventions";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cmms-packed-sample-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The version of Cmms.Data.Conventions this test run was built with, which the sample restores.</summary>
    public string PackageVersion { get; } = typeof(IndexConventionsIndexBuilderExtensions).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    /// <summary>The feed the sample restored from.</summary>
    public string Feed { get; private set; } = string.Empty;

    /// <summary>The sample's packages folder.</summary>
    public string Packages => Path.Combine(_root, "packages");

    /// <summary>The copy of the sample, restored and built.</summary>
    public string Directory => Path.Combine(_root, "sample");

    /// <summary>Environment for every dotnet command on the copy: its own packages folder, the pinned package version.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        // MSBuild reads these as properties, dotnet ef's own msbuild calls included.
        ["RestorePackagesPath"] = Packages,
        ["RestoreFallbackFolders"] = Path.Combine(_root, "fallback"),
        ["CmmsPackageVersion"] = PackageVersion,
    };

    /// <summary>Copies the sample (without bin/obj, and without its migrations when <paramref name="withMigrations" /> is false) to a new folder.</summary>
    public string CopySample(string name, bool withMigrations)
    {
        var target = Path.Combine(_root, name);
        var source = Path.Combine(Repository.Root, "samples", "Cmms.Data.Sample");
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj" || (!withMigrations && top == "Migrations"))
            {
                continue;
            }

            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }

        // The feed and nuget.org only; the sample's own nuget.config points at ../../artifacts/packages.
        File.WriteAllText(
            Path.Combine(target, "nuget.config"),
            $"""
             <?xml version="1.0" encoding="utf-8"?>
             <configuration>
               <packageSources>
                 <clear />
                 <add key="cmms-local" value="{Feed}" />
                 <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
               </packageSources>
             </configuration>
             """);
        return target;
    }

    /// <summary>Runs dotnet in <paramref name="directory" /> with <see cref="Environment" />, failing with its output on a non-zero exit.</summary>
    public async Task<string> DotnetAsync(string directory, params string[] arguments)
    {
        var (exitCode, output) = await Repository.DotnetAsync(directory, Environment, arguments);
        exitCode.Should().Be(0, $"dotnet {string.Join(' ', arguments)} failed:{System.Environment.NewLine}{output}");
        return output;
    }

    /// <summary>Runs dotnet ef on the copy in <paramref name="directory" />, which must be built.</summary>
    public Task<string> DotnetEfAsync(string directory, params string[] arguments)
        => DotnetAsync(directory, ["ef", .. arguments, "--configuration", "Release", "--no-build"]);

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(_root);
        Feed = await FindOrPackFeedAsync();
        LinkThirdPartyPackages();

        // The local tool manifest (dotnet-ef 10.0.15) travels with the copy, as it would in an application's repository.
        System.IO.Directory.CreateDirectory(Path.Combine(_root, ".config"));
        File.Copy(Path.Combine(Repository.Root, ".config", "dotnet-tools.json"), Path.Combine(_root, ".config", "dotnet-tools.json"));
        await DotnetAsync(_root, "tool", "restore");

        var sample = CopySample("sample", withMigrations: true);
        await DotnetAsync(sample, "build", "--configuration", "Release");
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    // .ci/run packs once per run into artifacts/packages; a run without it (a developer's dotnet test) packs here.
    private async Task<string> FindOrPackFeedAsync()
    {
        var artifacts = Path.Combine(Repository.Root, "artifacts", "packages");
        if (File.Exists(Path.Combine(artifacts, $"{PackageId}.{PackageVersion}.nupkg")))
        {
            return artifacts;
        }

        // The version of the build being packed, even when commits were made since (MinVer would count them).
        var feed = Path.Combine(_root, "feed");
        await DotnetAsync(
            Repository.Root,
            "pack", Path.Combine("src", PackageId), "--configuration", Repository.Configuration, "--no-build", "--output", feed,
            $"-p:MinVerVersionOverride={PackageVersion}");
        return feed;
    }

    // Third-party packages come from the machine's NuGet cache (no download), through symbolic links to every package
    // but the Cmms ones: those must come from the feed.
    private void LinkThirdPartyPackages()
    {
        var cache = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var fallback = System.IO.Directory.CreateDirectory(Path.Combine(_root, "fallback"));
        foreach (var package in System.IO.Directory.EnumerateDirectories(cache))
        {
            var id = Path.GetFileName(package);
            if (!id.StartsWith("cmms.", StringComparison.OrdinalIgnoreCase))
            {
                File.CreateSymbolicLink(Path.Combine(fallback.FullName, id), package);
            }
        }
    }
}
