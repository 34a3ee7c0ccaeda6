using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadence.Cms.Data.Migrations
{
    /// <summary>
    /// Media bytes move to the media store: originals get their store key (filled at start by LegacyBlobMove, which
    /// empties MediaBlobs), and variants, which are made again in the background, lose their bytes column.
    /// </summary>
    public partial class MediaStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM \"MediaVariants\";");

            migrationBuilder.DropColumn(
                name: "Bytes",
                table: "MediaVariants");

            migrationBuilder.AddColumn<string>(
                name: "StoreKey",
                table: "MediaVariants",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StoreKey",
                table: "Media",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM \"MediaVariants\";");

            migrationBuilder.DropColumn(
                name: "StoreKey",
                table: "MediaVariants");

            migrationBuilder.DropColumn(
                name: "StoreKey",
                table: "Media");

            migrationBuilder.AddColumn<byte[]>(
                name: "Bytes",
                table: "MediaVariants",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);
        }
    }
}
