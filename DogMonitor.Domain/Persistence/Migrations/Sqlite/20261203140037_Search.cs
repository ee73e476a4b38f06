using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DogMonitor.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "snapshots",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "clips",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_snapshots_search_text",
                table: "snapshots",
                column: "search_text",
                filter: "search_text IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_clips_search_text",
                table: "clips",
                column: "search_text",
                filter: "search_text IS NULL");

            // Hand-written: the FTS5 tables and their triggers, which EF's model does not know.
            foreach (var table in SqliteSearchIndex.Tables) migrationBuilder.Sql(SqliteSearchIndex.Create(table));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hand-written, as in Up.
            foreach (var table in SqliteSearchIndex.Tables) migrationBuilder.Sql(SqliteSearchIndex.Drop(table));

            migrationBuilder.DropIndex(
                name: "ix_snapshots_search_text",
                table: "snapshots");

            migrationBuilder.DropIndex(
                name: "ix_clips_search_text",
                table: "clips");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "snapshots");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "clips");
        }
    }
}
