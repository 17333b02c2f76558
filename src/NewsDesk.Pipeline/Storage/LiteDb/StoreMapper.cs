using LiteDB;
using NewsDesk.Summaries;

namespace NewsDesk.Storage;

/// <summary>
/// How NewsDesk's records map to BSON. Dates are stored as UTC instants; derived text is not stored twice. Articles
/// pass through <see cref="ArticleSchema.Upgrade"/> on every read, so older documents come back in today's shape.
/// </summary>
internal static class StoreMapper
{
    public static BsonMapper Create()
    {
        // The article's own mapping lives in a second mapper: the outer one hooks Article to upgrade the document
        // first, and must not call itself.
        var plain = Plain();
        var mapper = Plain();
        mapper.RegisterType(
            serialize: article => plain.ToDocument(article),
            deserialize: bson =>
            {
                ArticleSchema.Upgrade(bson.AsDocument);
                return plain.ToObject<Article>(bson.AsDocument);
            });
        return mapper;
    }

    private static BsonMapper Plain()
    {
        var mapper = new BsonMapper { EnumAsInteger = false, TrimWhitespace = false, EmptyStringToNull = false };
        mapper.RegisterType(
            serialize: value => new BsonValue(value.UtcDateTime),
            deserialize: bson => new DateTimeOffset(bson.AsDateTime.ToUniversalTime(), TimeSpan.Zero));
        mapper.Entity<Summary>().Ignore(s => s.Text);
        return mapper;
    }
}
