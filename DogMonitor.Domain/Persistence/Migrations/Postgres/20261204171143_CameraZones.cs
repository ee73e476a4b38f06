using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DogMonitor.Domain.Persistence.Migrations.Postgres
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
                    camera_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ignore_zones = table.Column<List<string>>(type: "text[]", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
