using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DogMonitor.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SnapshotShareLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "clip_id",
                table: "share_links",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "snapshot_id",
                table: "share_links",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_share_links_snapshot_id",
                table: "share_links",
                column: "snapshot_id");

            migrationBuilder.AddCheckConstraint(
                name: "ck_share_links_exactly_one_item",
                table: "share_links",
                sql: "(clip_id IS NULL) <> (snapshot_id IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "fk_share_links_snapshots_snapshot_id",
                table: "share_links",
                column: "snapshot_id",
                principalTable: "snapshots",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_share_links_snapshots_snapshot_id",
                table: "share_links");

            migrationBuilder.DropIndex(
                name: "ix_share_links_snapshot_id",
                table: "share_links");

            migrationBuilder.DropCheckConstraint(
                name: "ck_share_links_exactly_one_item",
                table: "share_links");

            migrationBuilder.DropColumn(
                name: "snapshot_id",
                table: "share_links");

            migrationBuilder.AlterColumn<Guid>(
                name: "clip_id",
                table: "share_links",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
