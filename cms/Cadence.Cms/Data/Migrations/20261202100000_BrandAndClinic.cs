using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadence.Cms.Data.Migrations
{
    /// <summary>The clinic's brand (theme colour, logo, icon image) and details (address, phone, hours, registration) in Settings.</summary>
    public partial class BrandAndClinic : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(name: "ThemeColour", table: "Settings", type: "TEXT", maxLength: 7, nullable: false, defaultValue: "#1f5f7a");
            migrationBuilder.AddColumn<string>(name: "Logo", table: "Settings", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<string>(name: "Icon", table: "Settings", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<string>(name: "Clinic", table: "Settings", type: "TEXT", nullable: false, defaultValue: "{\"openingHours\":[]}");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "ThemeColour", table: "Settings");
            migrationBuilder.DropColumn(name: "Logo", table: "Settings");
            migrationBuilder.DropColumn(name: "Icon", table: "Settings");
            migrationBuilder.DropColumn(name: "Clinic", table: "Settings");
        }
    }
}
