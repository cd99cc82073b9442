using Cmms.Data.Conventions.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cmms.Data.Analysis.Model;

/// <summary>
///     Reads the design-time model of a context configured as the application configures it (for Cmms.Data,
///     <c>UseCmmsData</c>, so the index conventions have pruned it) and lists the indexes and keys it expects, each with
///     the SQL its migrations would run.
/// </summary>
/// <remarks>No connection is opened: the model, the migrations list and the SQL generator need none.</remarks>
internal static class ExpectedSchemaReader
{
    private const string DefaultSchema = "public";

    // SQLite has no schemas; its analyzer calls the file's own database by SQLite's name for it (https://sqlite.org/lang_attach.html).
    private const string SqliteSchema = "main";

    // IDatabaseProvider.Name of EF Core's SQLite provider (its assembly name).
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    public static ExpectedSchema Read(DbContext context)
    {
        // The design-time model keeps what migrations need (and the conventions' results); the runtime model drops some.
        var model = context.GetService<IDesignTimeModel>().Model;
        var relational = model.GetRelationalModel();
        var createSql = CreateStatements(context, relational);
        var defaultSchema = context.Database.ProviderName == SqliteProvider
            ? SqliteSchema
            : model.GetDefaultSchema() ?? DefaultSchema;

        var tables = relational.Tables.Select(t => $"{t.Schema ?? defaultSchema}.{t.Name}").ToHashSet(StringComparer.Ordinal);
        var indexes = ModelIndexDefinitions.Read(model, defaultSchema)
            .Select(definition => new ExpectedIndex(definition, createSql.GetValueOrDefault(definition.Name, string.Empty)))
            .ToList();

        return new ExpectedSchema(tables, indexes, context.Database.GetMigrations().ToList());
    }

    // The statements creating each index and key from scratch, by name, as the migrations SQL generator writes them.
    private static Dictionary<string, string> CreateStatements(DbContext context, IRelationalModel relational)
    {
        var differ = context.GetService<IMigrationsModelDiffer>();
        var generator = context.GetService<IMigrationsSqlGenerator>();
        var operations = differ.GetDifferences(null, relational);

        var named = new List<(string Name, MigrationOperation Operation)>();
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case CreateIndexOperation index:
                    named.Add((index.Name, index));
                    break;
                case CreateTableOperation table:
                    named.AddRange(table.UniqueConstraints.Select(u => (u.Name, (MigrationOperation)u)));
                    if (table.PrimaryKey is { } primaryKey)
                    {
                        named.Add((primaryKey.Name, primaryKey));
                    }

                    break;
            }
        }

        return named
            .GroupBy(n => n.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Statement(generator, g.First().Operation, relational.Model), StringComparer.Ordinal);
    }

    // As a script writes it, the generator guards a concurrent index build with a statement of its own; the fix shows the
    // build itself.
    private static string Statement(IMigrationsSqlGenerator generator, MigrationOperation operation, IModel model)
        => string.Join(
            Environment.NewLine,
            generator.Generate([operation], model, MigrationsSqlGenerationOptions.Script)
                .Select(c => string.Join(Environment.NewLine, c.CommandText.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal))))
                .Where(text => text.StartsWith("CREATE", StringComparison.Ordinal) || text.StartsWith("ALTER TABLE", StringComparison.Ordinal)));
}
