using NewsDesk.Storage;

namespace NewsDesk.Digests;

/// <summary>
/// What a day's digests are built from, read once (<see cref="DigestBuilder.Read"/>): the day's articles in the
/// zone, and the earlier reports of their stories. Every desk's digest of the day filters these same lists.
/// </summary>
public sealed record DigestInput(DateOnly Date, TimeZoneInfo Zone, IReadOnlyList<Article> Articles, IReadOnlyCollection<Article> Earlier);
