using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DogMonitor.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClipTrimsAndSprites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "frames_per_second",
                table: "clips",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "preview_sprite_key",
                table: "clips",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "replaces_source",
                table: "clips",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "source_clip_id",
                table: "clips",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "source_offset_ms",
                table: "clips",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "frames_per_second",
                table: "clips");

            migrationBuilder.DropColumn(
                name: "preview_sprite_key",
                table: "clips");

            migrationBuilder.DropColumn(
                name: "replaces_source",
                table: "clips");

            migrationBuilder.DropColumn(
                name: "source_clip_id",
                table: "clips");

            migrationBuilder.DropColumn(
                name: "source_offset_ms",
                table: "clips");
        }
    }
}
