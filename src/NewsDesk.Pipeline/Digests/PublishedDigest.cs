using NewsDesk.Storage;

namespace NewsDesk.Digests;

/// <summary>A digest that has been stored and written, with the paths of its files.</summary>
public sealed record PublishedDigest(Digest Digest, StoredDigest Stored, IReadOnlyList<string> Files);
