using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Cmms.Data.Conventions.Migrations.Engine;

/// <summary>
///     Which schemas' INVALID indexes count, one definition for the engine's repair (<see cref="InvalidIndexRepair" />)
///     and the no-op check (<see cref="MigrationsUpToDateCheck" />): with a model, the schemas of its tables (a table
///     without a schema lives in the connection's <c>current_schema()</c>, where EF Core creates it); without one, every
///     schema that is not PostgreSQL's own, a superset of any model's, so that a check without a model can only send a
///     run to the engine that did not need it, never skip one that did.
/// </summary>
/// <remarks>
///     PostgreSQL reserves schema names beginning with <c>pg_</c> (its catalog, TOAST and temporary schemas) and has
///     <c>information_schema</c>: https://www.postgresql.org/docs/current/ddl-schemas.html#DDL-SCHEMAS-CATALOG. An
///     index is INVALID while a concurrent build runs and after one failed:
///     https://www.postgresql.org/docs/current/catalog-pg-index.html (<c>indisvalid</c>).
/// </remarks>
internal static class InvalidIndexScope
{
    // Without a model the condition needs no parameter: a no-op cmms-db run then never loads Npgsql's array handling.
    private const string EverySchemaCondition = "n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'";

    /// <summary>
    ///     The INVALID indexes in the schemas that count: schema, index name, and whether the schema is the current one.
    ///     With <paramref name="schemasParameter" /> (such as <c>$1</c>, a <c>text[]</c> made by <see cref="Parameter" />,
    ///     a NULL element for the current schema), in those schemas; without one, in every schema not PostgreSQL's own.
    /// </summary>
    public static string InvalidIndexesSql(string? schemasParameter) => $"""
        SELECT n.nspname, c.relname, n.nspname = current_schema()
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT i.indisvalid
          AND {(schemasParameter is null
              ? EverySchemaCondition
              : $"n.nspname = ANY (SELECT coalesce(s, current_schema()) FROM unnest({schemasParameter}::text[]) AS s)")}
        """;

    /// <summary>The schemas of <paramref name="model" />'s tables, <see langword="null" /> for the current schema.</summary>
    public static string?[] Of(IModel model) => [.. model.GetRelationalModel().Tables.Select(t => t.Schema).Distinct()];

    /// <summary>The parameter <see cref="InvalidIndexesSql" /> names for <paramref name="schemas" />.</summary>
    public static NpgsqlParameter Parameter(IReadOnlyCollection<string?> schemas)
        => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = schemas.ToArray() };
}
