using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Conventions.Migrations.Linting.Rules;

/// <summary>The columns an operation defines (created, added or retyped), for the type rules.</summary>
internal static class ColumnDefinitions
{
    public static IEnumerable<ColumnOperation> Of(MigrationOperation operation) => operation switch
    {
        CreateTableOperation create => create.Columns,
        AddColumnOperation add => [add],
        AlterColumnOperation alter when alter.ColumnType != alter.OldColumn.ColumnType => [alter],
        _ => [],
    };

    public static string Describe(ColumnOperation column) => column switch
    {
        AddColumnOperation add => $"{add.Table}.{add.Name} {column.ColumnType}",
        AlterColumnOperation alter => $"{alter.Table}.{alter.Name} {column.ColumnType}",
        _ => $"{column.Table}.? {column.ColumnType}",
    };
}
