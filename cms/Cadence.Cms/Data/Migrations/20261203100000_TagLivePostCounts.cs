using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadence.Cms.Data.Migrations
{
    /// <inheritdoc />
    public partial class TagLivePostCounts : Migration
    {
        /// <summary>Counts each tag's live posts once, for the data already stored (both providers read this SQL).</summary>
        internal const string CountStoredPosts = """
            UPDATE "Tags" SET "LivePostCount" = (
                SELECT COUNT(*) FROM "PostTags" AS l JOIN "Posts" AS p ON p."Id" = l."PostsId"
                WHERE l."TagsId" = "Tags"."Id" AND p."Kind" = 'Post' AND p."Status" = 'Published' AND p."DeletedAt" IS NULL)
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LivePostCount",
                table: "Tags",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
            migrationBuilder.Sql(CountStoredPosts);
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
