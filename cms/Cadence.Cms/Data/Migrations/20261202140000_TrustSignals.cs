using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadence.Cms.Data.Migrations
{
    /// <summary>Trust signals: who reviewed a post and when, the featured flag, and an author's credentials.</summary>
    public partial class TrustSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(name: "Credentials", table: "Authors", type: "TEXT", maxLength: 120, nullable: true);
            migrationBuilder.AddColumn<bool>(name: "Featured", table: "Posts", type: "INTEGER", nullable: false, defaultValue: false);
            migrationBuilder.AddColumn<DateOnly>(name: "LastReviewed", table: "Posts", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<int>(name: "ReviewedById", table: "Posts", type: "INTEGER", nullable: true);
            migrationBuilder.CreateIndex(name: "IX_Posts_ReviewedById", table: "Posts", column: "ReviewedById");
            migrationBuilder.AddForeignKey(
                name: "FK_Posts_Authors_ReviewedById", table: "Posts", column: "ReviewedById",
                principalTable: "Authors", principalColumn: "Id", onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(name: "FK_Posts_Authors_ReviewedById", table: "Posts");
            migrationBuilder.DropIndex(name: "IX_Posts_ReviewedById", table: "Posts");
            migrationBuilder.DropColumn(name: "ReviewedById", table: "Posts");
            migrationBuilder.DropColumn(name: "LastReviewed", table: "Posts");
            migrationBuilder.DropColumn(name: "Featured", table: "Posts");
            migrationBuilder.DropColumn(name: "Credentials", table: "Authors");
        }
    }
}
