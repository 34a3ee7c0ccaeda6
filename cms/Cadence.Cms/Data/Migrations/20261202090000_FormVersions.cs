using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadence.Cms.Data.Migrations
{
    /// <summary>A version number on forms, so a save based on an older version can be refused.</summary>
    public partial class FormVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Forms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "Version", table: "Forms");
        }
    }
}
