using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadence.Cms.Data.Migrations
{
    /// <inheritdoc />
    public partial class InboxTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DownloadKey",
                table: "Submissions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Downloads",
                table: "Submissions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstDownloadAt",
                table: "Submissions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastDownloadAt",
                table: "Submissions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NotificationMailId",
                table: "Submissions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReaderMailId",
                table: "Submissions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_DownloadKey",
                table: "Submissions",
                column: "DownloadKey");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_Folder_IsRead",
                table: "Submissions",
                columns: new[] { "Folder", "IsRead" });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_NotificationMailId",
                table: "Submissions",
                column: "NotificationMailId");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_ReaderMailId",
                table: "Submissions",
                column: "ReaderMailId");

            migrationBuilder.AddForeignKey(
                name: "FK_Submissions_MailOutbox_NotificationMailId",
                table: "Submissions",
                column: "NotificationMailId",
                principalTable: "MailOutbox",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Submissions_MailOutbox_ReaderMailId",
                table: "Submissions",
                column: "ReaderMailId",
                principalTable: "MailOutbox",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Submissions_MailOutbox_NotificationMailId",
                table: "Submissions");

            migrationBuilder.DropForeignKey(
                name: "FK_Submissions_MailOutbox_ReaderMailId",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_DownloadKey",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_Folder_IsRead",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_NotificationMailId",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_ReaderMailId",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "DownloadKey",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "Downloads",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "FirstDownloadAt",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "LastDownloadAt",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "NotificationMailId",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "ReaderMailId",
                table: "Submissions");
        }
    }
}
