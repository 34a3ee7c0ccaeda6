using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadence.Cms.Data.Migrations
{
    /// <summary>
    /// The Admin's sign-in rule (two-factor for everyone), and no more account-wide lockout: wrong passwords are slowed
    /// per account and client address instead, so nobody can lock the owner out from elsewhere.
    /// </summary>
    public partial class SignInRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SignInPolicy",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    RequireTwoFactor = table.Column<bool>(type: "INTEGER", nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_SignInPolicy", x => x.Id));

            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"LockoutEnabled\" = 0, \"LockoutEnd\" = NULL, \"AccessFailedCount\" = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "SignInPolicy");
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"LockoutEnabled\" = 1;");
        }
    }
}
