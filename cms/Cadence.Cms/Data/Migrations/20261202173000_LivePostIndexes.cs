using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadence.Cms.Data.Migrations
{
    /// <inheritdoc />
    public partial class LivePostIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Posts_Live",
                table: "Posts",
                columns: new[] { "Kind", "PublishedAt", "Id" },
                filter: "\"Status\" = 'Published' AND \"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_Live_AuthorId",
                table: "Posts",
                columns: new[] { "AuthorId", "Kind", "PublishedAt" },
                filter: "\"Status\" = 'Published' AND \"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_Live_CategoryId",
                table: "Posts",
                columns: new[] { "CategoryId", "Kind", "PublishedAt" },
                filter: "\"Status\" = 'Published' AND \"DeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_Live",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Posts_Live_AuthorId",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Posts_Live_CategoryId",
                table: "Posts");
        }
    }
}
