using System.Text.Json;

namespace Cmms.Data.IntegrationTests.Workload;

/// <summary>Checks the scenario sections of a bench run's results.json for figures that agree with each other.</summary>
internal static class BenchScenarioAssertions
{
    public static void MigrationUnderLoad(JsonElement result)
    {
        result.GetProperty("writers").GetInt32().Should().Be(2);
        result.GetProperty("sampleIntervalMs").GetDouble().Should().Be(10);
        var engines = result.GetProperty("engines").EnumerateArray().ToList();
        engines.Select(e => e.GetProperty("key").GetString()).Should().Equal("plainEfCore", "cmmsData");
        foreach (var engine in engines)
        {
            var key = engine.GetProperty("key").GetString();
            engine.GetProperty("migrationMs").GetProperty("median").GetDouble().Should().BePositive(key);
            foreach (var phase in new[] { "before", "during", "after" })
            {
                var figures = engine.GetProperty(phase);
                figures.GetProperty("statements").GetInt32().Should().BePositive($"{key} writes {phase} the migration");
                // Plain EF Core can deadlock with a writer, and PostgreSQL may cancel either; Cmms.Data's writers never wait on it.
                figures.GetProperty("failed").GetInt32().Should().BeInRange(0, key == "cmmsData" ? 0 : figures.GetProperty("statements").GetInt32(), key);
                figures.GetProperty("p99").GetDouble().Should().BeInRange(figures.GetProperty("median").GetDouble(), figures.GetProperty("max").GetDouble(), key);
            }

            // A writer seen waiting on a lock for X ms took at least X ms.
            var longest = engine.GetProperty("longestLockWaitMs").GetDouble();
            var slowest = new[] { "before", "during", "after" }.Max(p => engine.GetProperty(p).GetProperty("max").GetDouble());
            slowest.Should().BeGreaterThanOrEqualTo(longest, key);
            engine.GetProperty("totalLockWaitMs").GetDouble().Should().BeGreaterThanOrEqualTo(longest, key);
            var timeline = engine.GetProperty("timeline").EnumerateArray().Select(p => p.GetProperty("seconds").GetDouble()).ToList();
            timeline.Should().NotBeEmpty().And.BeInAscendingOrder();
            timeline[0].Should().BeNegative("the timeline starts before the migration");
            engine.GetProperty("timelineMigrationSeconds").GetDouble().Should().BePositive();
            var failedMigrations = engine.GetProperty("failedMigrations").GetInt32();
            failedMigrations.Should().BeInRange(0, 1, key);
            engine.GetProperty("migrationErrors").GetArrayLength().Should().Be(failedMigrations, "one run, so one message per failure");
        }

        engines[0].GetProperty("longestLockWaitMs").GetDouble().Should().BePositive("plain EF Core's CREATE INDEX holds a SHARE lock on the written tables until it commits");
        engines[0].GetProperty("lockWaits").GetInt32().Should().BePositive();
    }

    public static void ParentDeletes(JsonElement result)
    {
        var deletes = result.EnumerateArray().ToList();
        deletes.Should().ContainSingle();
        var delete = deletes[0];
        delete.GetProperty("scale").GetDouble().Should().Be(0.01);
        delete.GetProperty("table").GetString().Should().Be("users");
        delete.GetProperty("foreignKeys").EnumerateArray().Select(f => f.GetString()).Should()
            .Contain(f => f!.StartsWith("user_sessions.user_id ", StringComparison.Ordinal))
            .And.Contain(f => f!.StartsWith("worksheets.assigned_to_user_id ", StringComparison.Ordinal));
        delete.GetProperty("childRows").GetInt64().Should().BePositive();
        var b = delete.GetProperty("asDeclared").GetProperty("median").GetDouble();
        var c = delete.GetProperty("cmmsData").GetProperty("median").GetDouble();
        delete.GetProperty("ratio").GetDouble().Should().BeApproximately(b / c, 1e-9);
        delete.GetProperty("controlRatio").GetDouble().Should().BeApproximately(delete.GetProperty("control").GetProperty("median").GetDouble() / b, 1e-9);
        delete.GetProperty("checkAsDeclared").GetProperty("median").GetDouble().Should().BePositive("EXPLAIN (ANALYZE) lists the foreign-key triggers");
        delete.GetProperty("checkAsDeclared").GetProperty("runs").GetInt32().Should().Be(3);
        var keyUpdateB = delete.GetProperty("keyUpdateAsDeclared").GetProperty("median").GetDouble();
        keyUpdateB.Should().BePositive();
        delete.GetProperty("keyUpdateRatio").GetDouble().Should().BeApproximately(keyUpdateB / delete.GetProperty("keyUpdateCmmsData").GetProperty("median").GetDouble(), 1e-9);
    }

    public static void MigrationTime(JsonElement result)
    {
        var arms = result.GetProperty("arms").EnumerateArray().ToDictionary(a => a.GetProperty("key").GetString()!, a => a.GetProperty("milliseconds").GetProperty("median").GetDouble());
        arms.Keys.Should().Equal("plainEfCore", "cmmsData", "cmmsDataMoreMemory", "cmmsDataParallel", "cmmsDataParallelMoreMemory", "plainEfCoreControl");
        arms.Values.Should().OnlyContain(ms => ms > 0);
        result.GetProperty("controlRatio").GetDouble().Should().BeApproximately(arms["plainEfCoreControl"] / arms["plainEfCore"], 1e-9);
        result.GetProperty("raisedMaintenanceWorkMem").GetString().Should().Be("1GB");
        result.GetProperty("defaultMaintenanceWorkMem").GetString().Should().MatchRegex(@"^\d+[kMG]B$");
        result.GetProperty("parallelSessions").GetInt32().Should().Be(2, "the default of --parallel-index-builds");
        result.GetProperty("cores").GetString().Should().StartWith($"{Environment.ProcessorCount} cores").And.MatchRegex(@"max_parallel_maintenance_workers=\d+$");
    }

    public static void Startup(JsonElement result)
    {
        result.GetProperty("tool").GetString().Should().StartWith("hyperfine ", ".ci/run installs hyperfine");
        var commands = result.GetProperty("commands").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("milliseconds"));
        commands.Keys.Should().Equal("cmmsDbMigrate", "cmmsDbStatus", "cmmsDbAnalyze", "cmmsDbStatusControl", "efbundle");
        foreach (var (key, milliseconds) in commands)
        {
            milliseconds.GetProperty("runs").GetInt32().Should().Be(2, key);
            milliseconds.GetProperty("min").GetDouble().Should().BeGreaterThan(10, $"{key} starts a whole .NET process");
        }

        result.GetProperty("notMeasured").EnumerateArray().Select(n => n.GetString()).Should().ContainSingle()
            .Which.Should().StartWith("dotnet ef database update: ", "the test's working directory has no migrations project");
    }
}
