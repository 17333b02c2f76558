using LiteDB;

namespace NewsDesk.Storage;

/// <summary>
/// Upgrades stored article documents to <see cref="Article.CurrentSchemaVersion"/>, one version step at a time, on the
/// BSON document before it is mapped. Runs on every read (StoreMapper) and, to rewrite the file, in `db migrate`.
/// A document from a newer NewsDesk is refused rather than read wrongly.
/// </summary>
public static class ArticleSchema
{
    private const string VersionField = "SchemaVersion";

    /// <summary>The document's schema version; documents written before the field existed are version 0.</summary>
    public static int VersionOf(BsonDocument document) =>
        document.TryGetValue(VersionField, out var version) && version.IsNumber ? version.AsInt32 : 0;

    /// <summary>True when <paramref name="document"/> was changed (it was older than the current schema).</summary>
    public static bool Upgrade(BsonDocument document)
    {
        var version = VersionOf(document);
        if (version > Article.CurrentSchemaVersion)
        {
            throw new StorageException($"storage: article {document["_id"].AsString} has schema version {version}, newer than this NewsDesk reads ({Article.CurrentSchemaVersion}); upgrade NewsDesk.");
        }

        if (version == Article.CurrentSchemaVersion)
        {
            return false;
        }

        if (version < 1)
        {
            FromVersion0(document);
        }

        if (version < 2)
        {
            FromVersion1(document);
        }

        document[VersionField] = Article.CurrentSchemaVersion;
        return true;
    }

    /// <summary>
    /// Version 1 stored the tagger's raw score (about 1 to 12), which the 0 to 1 min-score filter and the export's
    /// documented max_score could not use; version 2 stores it on the 0 to 1 scale of <see cref="Tagging.TagScore"/>.
    /// </summary>
    private static void FromVersion1(BsonDocument document)
    {
        if (!document.TryGetValue("Tags", out var tags) || !tags.IsArray)
        {
            return;
        }

        foreach (var tag in tags.AsArray.Where(t => t.IsDocument && t.AsDocument["Score"].IsNumber))
        {
            tag.AsDocument["Score"] = Tagging.TagScore.FromRaw(tag.AsDocument["Score"].AsDouble);
        }
    }

    /// <summary>
    /// Version 0 is a document without a version field (written by hand, by an import, or by a build before
    /// versioning). Its flat, indexed theme list may be missing, and then theme queries and exports do not see the
    /// article: it is rebuilt from the tags.
    /// </summary>
    private static void FromVersion0(BsonDocument document)
    {
        if (!document.TryGetValue("Themes", out var themes) || !themes.IsArray || themes.AsArray.Count == 0)
        {
            var fromTags = document.TryGetValue("Tags", out var tags) && tags.IsArray
                ? tags.AsArray.Where(t => t.IsDocument && t.AsDocument["Theme"].IsString).Select(t => t.AsDocument["Theme"]).Distinct()
                : [];
            document["Themes"] = new BsonArray(fromTags);
        }
    }
}
