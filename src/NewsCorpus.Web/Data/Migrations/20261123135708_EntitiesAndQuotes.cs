using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCorpus.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EntitiesAndQuotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Entities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MentionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ArticleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    OutletCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Entities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuoteClusters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    QuoteCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuoteClusters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EntityAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntityAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EntityAliases_Entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "Entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntityMentions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RefersTo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    End = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntityMentions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EntityMentions_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EntityMentions_Entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "Entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Quotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Partial = table.Column<bool>(type: "INTEGER", nullable: false),
                    Verb = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    SpeakerText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SpeakerDescription = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SpeakerMentionStart = table.Column<int>(type: "INTEGER", nullable: true),
                    SpeakerEntityId = table.Column<int>(type: "INTEGER", nullable: true),
                    Context = table.Column<string>(type: "TEXT", nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    End = table.Column<int>(type: "INTEGER", nullable: false),
                    QuoteClusterId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Quotes_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Quotes_Entities_SpeakerEntityId",
                        column: x => x.SpeakerEntityId,
                        principalTable: "Entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Quotes_QuoteClusters_QuoteClusterId",
                        column: x => x.QuoteClusterId,
                        principalTable: "QuoteClusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_MentionCount",
                table: "Entities",
                column: "MentionCount");

            migrationBuilder.CreateIndex(
                name: "IX_Entities_Type_Name",
                table: "Entities",
                columns: new[] { "Type", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_EntityAliases_EntityId_Name",
                table: "EntityAliases",
                columns: new[] { "EntityId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EntityAliases_NormalizedName",
                table: "EntityAliases",
                column: "NormalizedName");

            migrationBuilder.CreateIndex(
                name: "IX_EntityMentions_ArticleId_Start",
                table: "EntityMentions",
                columns: new[] { "ArticleId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_EntityMentions_EntityId",
                table: "EntityMentions",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_QuoteClusters_QuoteCount",
                table: "QuoteClusters",
                column: "QuoteCount");

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_ArticleId_Start",
                table: "Quotes",
                columns: new[] { "ArticleId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_QuoteClusterId",
                table: "Quotes",
                column: "QuoteClusterId");

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_SpeakerEntityId",
                table: "Quotes",
                column: "SpeakerEntityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EntityAliases");

            migrationBuilder.DropTable(
                name: "EntityMentions");

            migrationBuilder.DropTable(
                name: "Quotes");

            migrationBuilder.DropTable(
                name: "Entities");

            migrationBuilder.DropTable(
                name: "QuoteClusters");
        }
    }
}
