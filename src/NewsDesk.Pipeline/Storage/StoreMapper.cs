using LiteDB;
using NewsDesk.Summaries;

namespace NewsDesk.Storage;

/// <summary>How NewsDesk's records map to BSON. Dates are stored as UTC instants; derived text is not stored twice.</summary>
internal static class StoreMapper
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper { EnumAsInteger = false, TrimWhitespace = false, EmptyStringToNull = false };
        mapper.RegisterType(
            serialize: value => new BsonValue(value.UtcDateTime),
            deserialize: bson => new DateTimeOffset(bson.AsDateTime.ToUniversalTime(), TimeSpan.Zero));
        mapper.Entity<Summary>().Ignore(s => s.Text);
        return mapper;
    }
}
