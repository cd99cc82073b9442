using System.Diagnostics;
using System.Runtime.Versioning;
using Cmms.Data.LocalPostgres;

namespace Cmms.Data.IntegrationTests.Infrastructure;

[SupportedOSPlatform("linux")]
public sealed class PostgresBinariesTests : IDisposable
{
    private static readonly PostgresSearchLocations NowhereElse = new()
    {
        PathDirectories = [],
        UsePgConfig = false,
        PackageRoots = [],
    };

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("cmms-bin-test-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public void Binaries_search_with_CMMS_PG_BINDIR_pointing_at_an_empty_directory_throws_with_the_install_hint()
    {
        var empty = _scratch.CreateSubdirectory("empty").FullName;

        var locate = () => PostgresBinaries.Locate(NowhereElse with { BinDirectoryOverride = empty });

        var message = locate.Should().Throw<PostgresNotFoundException>().Which.Message;
        message.Should().Contain($"CMMS_PG_BINDIR='{empty}'")
            .And.Contain("apt-get install postgresql")
            .And.Contain("pass a connection string")
            .And.NotContain("\n");
    }

    [Fact]
    public void Binaries_search_with_an_explicit_directory_does_not_fall_back_to_other_installations()
    {
        var empty = _scratch.CreateSubdirectory("empty").FullName;
        var everywhere = PostgresSearchLocations.FromEnvironment() with { BinDirectoryOverride = empty };

        var locate = () => PostgresBinaries.Locate(everywhere);

        locate.Should().Throw<PostgresNotFoundException>();
    }

    [Fact]
    public void Binaries_search_that_finds_nothing_names_every_place_it_looked_on_one_line()
    {
        var emptyPath = _scratch.CreateSubdirectory("path").FullName;
        var emptyRoot = _scratch.CreateSubdirectory("root").FullName;

        var locate = () => PostgresBinaries.Locate(new PostgresSearchLocations { PathDirectories = [emptyPath], PackageRoots = [emptyRoot] });

        locate.Should().Throw<PostgresNotFoundException>().Which.Message.Should().Be(
            $"No PostgreSQL server binaries found (looked in CMMS_PG_BINDIR, PATH, pg_config, {emptyRoot}/*/bin). "
            + "Install them (Debian: apt-get install postgresql) or pass a connection string.");
    }

    [Fact]
    public void Located_binaries_report_the_version_the_server_program_prints()
    {
        var binaries = PostgresBinaries.Locate();

        var printed = Run(binaries.Program("postgres"), "--version");

        printed.Should().Contain($"(PostgreSQL) {binaries.Version}");
        binaries.Version.Should().StartWith($"{binaries.MajorVersion}.");
        binaries.MajorVersion.Should().BeGreaterThanOrEqualTo(13, "DROP DATABASE ... WITH (FORCE) needs 13+");
        File.Exists(binaries.InitDb).Should().BeTrue();
        File.Exists(binaries.PgCtl).Should().BeTrue();
    }

    [Fact]
    public void Binaries_search_follows_a_pg_ctl_symlink_on_PATH_to_the_server_directory()
    {
        var real = PostgresBinaries.Locate();
        var pathDirectory = _scratch.CreateSubdirectory("path").FullName;
        File.CreateSymbolicLink(Path.Combine(pathDirectory, "pg_ctl"), real.PgCtl);

        var found = PostgresBinaries.Locate(NowhereElse with { PathDirectories = [pathDirectory] });

        found.BinDirectory.Should().Be(real.BinDirectory);
        found.MajorVersion.Should().Be(real.MajorVersion);
    }

    [Fact]
    public void Binaries_search_picks_the_highest_complete_version_under_a_package_root()
    {
        var root = _scratch.CreateSubdirectory("lib-postgresql").FullName;
        FakeBinDirectory(root, "9.6", "9.6.24", complete: true);
        FakeBinDirectory(root, "14", "14.11", complete: true);
        FakeBinDirectory(root, "16", "16.2", complete: true);
        FakeBinDirectory(root, "17", "17.0", complete: false);

        var found = PostgresBinaries.Locate(NowhereElse with { PackageRoots = [root] });

        found.BinDirectory.Should().Be(Path.Combine(root, "16", "bin"));
        found.Version.Should().Be("16.2");
        found.MajorVersion.Should().Be(16);
    }

    /// <summary>A bin directory whose programs are scripts printing a version; "incomplete" lacks <c>postgres</c>.</summary>
    private static void FakeBinDirectory(string root, string directoryName, string version, bool complete)
    {
        var bin = Directory.CreateDirectory(Path.Combine(root, directoryName, "bin")).FullName;
        var programs = complete ? new[] { "initdb", "pg_ctl", "postgres" } : ["initdb", "pg_ctl"];
        foreach (var program in programs)
        {
            var path = Path.Combine(bin, program);
            File.WriteAllText(path, $"#!/bin/sh\necho '{program} (PostgreSQL) {version}'\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static string Run(string program, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(program, argument) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
