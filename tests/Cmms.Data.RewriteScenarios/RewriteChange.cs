using Microsoft.EntityFrameworkCore.Migrations;

namespace Cmms.Data.RewriteScenarios;

/// <summary>
///     One change that Cmms.Data rewrites lock-light on an existing table, written once for every migration that makes it:
///     the integration tests' per-scenario migrations and <see cref="RewriteScenariosContext" />'s.
/// </summary>
/// <param name="Table">The existing table the change is made on (see the integration tests' busy tables).</param>
/// <param name="Constraint">The constraint the change adds (for the NOT NULL change, its helper check).</param>
/// <param name="WithPrimaryKey">Whether the table starts with a primary key.</param>
/// <param name="Up">Makes the change.</param>
/// <param name="Down">Reverts it.</param>
public sealed record RewriteChange(
    string Table,
    string Constraint,
    bool WithPrimaryKey,
    Action<MigrationBuilder> Up,
    Action<MigrationBuilder> Down)
{
    /// <summary>A foreign key from <c>busy_fk.parent_id</c> to <c>parents.id</c>.</summary>
    public static RewriteChange ForeignKey { get; } = new(
        "busy_fk",
        "fk_busy_fk_parents",
        WithPrimaryKey: true,
        b => b.AddForeignKey("fk_busy_fk_parents", "busy_fk", "parent_id", "parents", principalColumn: "id"),
        b => b.DropForeignKey("fk_busy_fk_parents", "busy_fk"));

    /// <summary>A check constraint <c>value &gt;= 0</c> on <c>busy_check</c>.</summary>
    public static RewriteChange Check { get; } = new(
        "busy_check",
        "ck_busy_check_value",
        WithPrimaryKey: true,
        b => b.AddCheckConstraint("ck_busy_check_value", "busy_check", "value >= 0"),
        b => b.DropCheckConstraint("ck_busy_check_value", "busy_check"));

    /// <summary><c>busy_not_null.serial</c> made NOT NULL.</summary>
    public static RewriteChange NotNull { get; } = new(
        "busy_not_null",
        "busy_not_null_serial_not_null",
        WithPrimaryKey: true,
        b => b.AlterColumn<string>("serial", "busy_not_null", "text", nullable: false, oldClrType: typeof(string), oldType: "text", oldNullable: true),
        b => b.AlterColumn<string>("serial", "busy_not_null", "text", nullable: true, oldClrType: typeof(string), oldType: "text", oldNullable: false));

    /// <summary>A unique constraint on <c>busy_unique.serial</c>.</summary>
    public static RewriteChange Unique { get; } = new(
        "busy_unique",
        "ak_busy_unique_serial",
        WithPrimaryKey: true,
        b => b.AddUniqueConstraint("ak_busy_unique_serial", "busy_unique", "serial"),
        b => b.DropUniqueConstraint("ak_busy_unique_serial", "busy_unique"));

    /// <summary>A primary key on <c>busy_pk.id</c>, a table that has none.</summary>
    public static RewriteChange PrimaryKey { get; } = new(
        "busy_pk",
        "pk_busy_pk",
        WithPrimaryKey: false,
        b => b.AddPrimaryKey("pk_busy_pk", "busy_pk", "id"),
        b => b.DropPrimaryKey("pk_busy_pk", "busy_pk"));

    /// <summary>The five, in the order <see cref="RewriteScenariosContext" />'s migrations make them.</summary>
    public static IReadOnlyList<RewriteChange> All { get; } = [ForeignKey, Check, NotNull, Unique, PrimaryKey];
}
