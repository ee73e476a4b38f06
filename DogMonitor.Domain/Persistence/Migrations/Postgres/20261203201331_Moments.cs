using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DogMonitor.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Moments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "moments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    camera_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    kinds = table.Column<int>(type: "integer", nullable: false),
                    peak_motion = table.Column<double>(type: "double precision", nullable: false),
                    peak_sound_dbfs = table.Column<double>(type: "double precision", nullable: true),
                    continuous_sound = table.Column<bool>(type: "boolean", nullable: false),
                    clip_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moments", x => x.id);
                    table.ForeignKey(
                        name: "fk_moments_clips_clip_id",
                        column: x => x.clip_id,
                        principalTable: "clips",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moment_reviews",
                columns: table => new
                {
                    moment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reviewed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moment_reviews", x => new { x.moment_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_moment_reviews_moments_moment_id",
                        column: x => x.moment_id,
                        principalTable: "moments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_moments_camera_id_started_at_id",
                table: "moments",
                columns: new[] { "camera_id", "started_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_moments_clip_id",
                table: "moments",
                column: "clip_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_moments_started_at_id",
                table: "moments",
                columns: new[] { "started_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "moment_reviews");

            migrationBuilder.DropTable(
                name: "moments");
        }
    }
}
