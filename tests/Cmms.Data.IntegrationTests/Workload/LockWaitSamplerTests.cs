using Cmms.Data.Bench.Benchmarks;
using Cmms.Data.IntegrationTests.Infrastructure;
using Npgsql;

namespace Cmms.Data.IntegrationTests.Workload;

public sealed class LockWaitSamplerTests(PostgresDatabaseFixture<LockWaitSamplerTests> db) : IClassFixture<PostgresDatabaseFixture<LockWaitSamplerTests>>
{
    [Fact]
    public async Task A_writer_blocked_by_a_table_lock_is_seen_waiting_about_as_long_as_the_lock_is_held_and_others_are_not_counted()
    {
        await Sql.ExecuteAsync(db.ConnectionString, "CREATE TABLE locked (id int)");
        var writerConnection = new NpgsqlConnectionStringBuilder(db.ConnectionString) { ApplicationName = WriterLoad.ApplicationName, Pooling = false }.ConnectionString;
        var otherConnection = new NpgsqlConnectionStringBuilder(db.ConnectionString) { ApplicationName = "someone-else", Pooling = false }.ConnectionString;
        await using var holder = await db.OpenConnectionAsync();
        await using var writer = new NpgsqlConnection(writerConnection);
        await using var other = new NpgsqlConnection(otherConnection);
        await writer.OpenAsync();
        await other.OpenAsync();
        await using var sampler = await LockWaitSampler.StartAsync(db.ConnectionString, WriterLoad.ApplicationName, CancellationToken.None);

        await using var transaction = await holder.BeginTransactionAsync();
        await new NpgsqlCommand("LOCK TABLE locked IN ACCESS EXCLUSIVE MODE", holder, transaction).ExecuteNonQueryAsync();
        var blocked = new NpgsqlCommand("INSERT INTO locked VALUES (1)", writer).ExecuteNonQueryAsync();
        var alsoBlocked = new NpgsqlCommand("INSERT INTO locked VALUES (2)", other).ExecuteNonQueryAsync();
        await Task.Delay(400);
        await transaction.CommitAsync();
        await Task.WhenAll(blocked, alsoBlocked);
        var (waits, samples) = await sampler.StopAsync();

        samples.Should().BeGreaterThan(5);
        waits.Should().ContainSingle("only the writer session is watched").Which.LockType.Should().Be("relation");
        waits[0].Milliseconds.Should().BeInRange(300, 2000, "the writer waited from its INSERT until the commit, 400 ms later");
    }
}
