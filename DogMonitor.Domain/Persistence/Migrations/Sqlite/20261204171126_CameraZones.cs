using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DogMonitor.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CameraZones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "camera_zones",
                columns: table => new
                {
                    camera_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ignore_zones = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_camera_zones", x => x.camera_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "camera_zones");
        }
    }
}
