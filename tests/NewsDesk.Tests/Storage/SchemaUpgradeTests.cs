using LiteDB;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Storage;

/// <summary>Documents in an older shape (no schema version, no flat theme list) are upgraded on read and by Migrate.</summary>
public sealed class SchemaUpgradeTests
{
    [Fact]
    public void Old_documents_are_upgraded_on_read_and_rewritten_by_migrate()
    {
        using var temp = new TempFolder();
        var path = temp.File("old.db");
        WriteOldShape(path);

        using var store = new LiteDbNewsStore(path);
        var read = store.FindArticle("old-1")!;
        Assert.Equal(Article.CurrentSchemaVersion, read.SchemaVersion);
        Assert.Equal(["standards", "bilateral"], read.Themes);
        Assert.Equal("Old text.", read.Text);

        // Filters run on the upgraded article, so a theme query finds old documents before they are rewritten too.
        Assert.Single(store.Query(new ArticleQuery { Themes = ["standards"] }));
        Assert.Equal(2, store.Migrate());
        Assert.Equal(0, store.Migrate());
        Assert.Single(store.Query(new ArticleQuery { Themes = ["standards"] }));
        Assert.Equal(["old-1", "old-2"], store.Query(new ArticleQuery()).Select(a => a.Id).Order().ToArray());
    }

    [Fact]
    public void Migrate_leaves_the_file_in_the_current_shape()
    {
        using var temp = new TempFolder();
        var path = temp.File("old.db");
        WriteOldShape(path);
        using (var store = new LiteDbNewsStore(path))
        {
            store.Migrate();
        }

        using var raw = new LiteDatabase(path);
        Assert.All(raw.GetCollection("articles").FindAll(), d => Assert.Equal(Article.CurrentSchemaVersion, d["SchemaVersion"].AsInt32));
    }

    [Fact]
    public void A_document_from_a_newer_NewsDesk_is_refused_with_its_id_and_version()
    {
        using var temp = new TempFolder();
        var path = temp.File("new.db");
        using (var raw = new LiteDatabase(path))
        {
            raw.GetCollection("articles").Insert(new BsonDocument { ["_id"] = "future", ["SchemaVersion"] = 99, ["FeedId"] = "f", ["Url"] = "https://example.org/f", ["Title"] = "t" });
        }

        using var store = new LiteDbNewsStore(path);
        var error = Assert.Throws<StorageException>(() => store.FindArticle("future"));
        Assert.Contains("article future has schema version 99", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Two articles as a build before schema versions would have written them: no SchemaVersion, no Themes.</summary>
    private static void WriteOldShape(string path)
    {
        using var raw = new LiteDatabase(path);
        var articles = raw.GetCollection("articles");
        articles.Insert(Old("old-1", new BsonArray(Tag("standards"), Tag("bilateral"), Tag("standards"))));
        articles.Insert(Old("old-2", []));
    }

    private static BsonDocument Old(string id, BsonArray tags) => new()
    {
        ["_id"] = id,
        ["FeedId"] = "gov",
        ["Url"] = $"https://example.org/{id}",
        ["Title"] = $"Article {id}",
        ["Text"] = "Old text.",
        ["Published"] = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc),
        ["Ingested"] = new DateTime(2026, 11, 1, 9, 5, 0, DateTimeKind.Utc),
        ["EffectiveDate"] = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc),
        ["Tags"] = tags,
    };

    private static BsonDocument Tag(string theme) => new() { ["Theme"] = theme, ["Score"] = 0.9 };
}
