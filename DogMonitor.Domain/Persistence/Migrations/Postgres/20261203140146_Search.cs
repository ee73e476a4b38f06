using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace DogMonitor.Domain.Persistence.Migrations.Postgres
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "clips",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "snapshots",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple'::regconfig, coalesce(search_text, ''))",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "clips",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple'::regconfig, coalesce(search_text, ''))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_snapshots_labels",
                table: "snapshots",
                column: "labels")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_snapshots_search_text",
                table: "snapshots",
                column: "search_text",
                filter: "search_text IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_snapshots_search_vector",
                table: "snapshots",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_clips_labels",
                table: "clips",
                column: "labels")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_clips_search_text",
                table: "clips",
                column: "search_text",
                filter: "search_text IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_clips_search_vector",
                table: "clips",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_snapshots_labels",
                table: "snapshots");

            migrationBuilder.DropIndex(
                name: "ix_snapshots_search_text",
                table: "snapshots");

            migrationBuilder.DropIndex(
                name: "ix_snapshots_search_vector",
                table: "snapshots");

            migrationBuilder.DropIndex(
                name: "ix_clips_labels",
                table: "clips");

            migrationBuilder.DropIndex(
                name: "ix_clips_search_text",
                table: "clips");

            migrationBuilder.DropIndex(
                name: "ix_clips_search_vector",
                table: "clips");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "snapshots");

            migrationBuilder.DropColumn(
                name: "search_vector",
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
