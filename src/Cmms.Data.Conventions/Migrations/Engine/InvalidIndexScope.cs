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
    /// <summary>
    ///     The INVALID indexes in the schemas of parameter <c>$1</c> (<c>text[]</c>, a NULL element for the current
    ///     schema; NULL for every schema that is not PostgreSQL's own): schema, index name, and whether the schema is
    ///     the current one.
    /// </summary>
    public const string InvalidIndexesSql = """
        SELECT n.nspname, c.relname, n.nspname = current_schema()
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT i.indisvalid
          AND CASE WHEN $1::text[] IS NULL THEN n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
                   ELSE n.nspname = ANY (SELECT coalesce(s, current_schema()) FROM unnest($1::text[]) AS s) END
        """;

    /// <summary>The schemas of <paramref name="model" />'s tables, <see langword="null" /> for the current schema.</summary>
    public static string?[] Of(IModel model) => [.. model.GetRelationalModel().Tables.Select(t => t.Schema).Distinct()];

    /// <summary>The <c>$1</c> of <see cref="InvalidIndexesSql" />: <paramref name="schemas" />, or every schema not PostgreSQL's own for <see langword="null" />.</summary>
    public static NpgsqlParameter Parameter(IReadOnlyCollection<string?>? schemas)
        => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = schemas is null ? DBNull.Value : schemas.ToArray() };
}
