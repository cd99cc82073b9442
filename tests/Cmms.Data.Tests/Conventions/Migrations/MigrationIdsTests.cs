using Cmms.Data.Conventions.Migrations;

namespace Cmms.Data.Tests.Conventions.Migrations;

public sealed class MigrationIdsTests
{
    [Theory]
    [InlineData("20261121073123_InitialSchema", "InitialSchema")]
    [InlineData("20261121073123_Add_Indexes", "Add_Indexes")]
    [InlineData("20261121073123_", "20261121073123_")]
    [InlineData("InitialSchema", "InitialSchema")]
    [InlineData("2026112107312_InitialSchema", "2026112107312_InitialSchema")]
    public void NameOf_drops_the_timestamp_of_an_id_written_by_migrations_add_and_keeps_any_other_id(string id, string name)
        => MigrationIds.NameOf(id).Should().Be(name);
}
