using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadence.Cms.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TagLivePostCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LivePostCount",
                table: "Tags",
                type: "integer",
                nullable: false,
                defaultValue: 0);
            migrationBuilder.Sql(Migrations.TagLivePostCounts.CountStoredPosts);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LivePostCount",
                table: "Tags");
        }
    }
}
