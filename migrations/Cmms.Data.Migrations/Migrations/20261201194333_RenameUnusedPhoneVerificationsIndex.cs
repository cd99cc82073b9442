using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmms.Data.Migrations.Migrations
{
    /// <summary>
    ///     The Q8 partial index (<c>user_id WHERE NOT is_used</c>) is <c>ix_phone_verifications_user_id_unused</c>: AddIndexes
    ///     used to give it the name of the foreign key index it drops, so rerunning the idempotent script (whose concurrent
    ///     index statements run outside the history checks) dropped and rebuilt the live index every time.
    /// </summary>
    /// <remarks>
    ///     AddIndexes now creates the index under its new name; this renames it in databases that the old AddIndexes
    ///     migrated. Raw SQL because EF Core's RenameIndex has no IF EXISTS, and the old name exists only in those databases.
    ///     ALTER INDEX … RENAME takes a SHARE UPDATE EXCLUSIVE lock (https://www.postgresql.org/docs/current/sql-alterindex.html):
    ///     writes go on.
    /// </remarks>
    public partial class RenameUnusedPhoneVerificationsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER INDEX IF EXISTS ix_phone_verifications_user_id RENAME TO ix_phone_verifications_user_id_unused;");
        }

        /// <summary>
        ///     Nothing to undo: after Up every database has the index under its new name, which is the name AddIndexes (and
        ///     its Down) now uses.
        /// </summary>
        /// <param name="migrationBuilder">Unused.</param>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
