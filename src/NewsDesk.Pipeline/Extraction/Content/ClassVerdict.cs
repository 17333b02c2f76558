namespace NewsDesk.Extraction.Content;

/// <summary>What the class and id names of an element say about it; flags, because one element can say several things.</summary>
[Flags]
internal enum ClassVerdict : byte
{
    None = 0,
    /// <summary>A token names an article part ("content", "post").</summary>
    Positive = 1,
    /// <summary>A token names page chrome (share bars, related links, cookie boxes); outweighs <see cref="Positive"/>.</summary>
    Negative = 2,
    /// <summary>The name templates give the article body itself ("entry-content").</summary>
    Strong = 4,
    /// <summary>A comments section, which never belongs to the article even when long.</summary>
    Comments = 8,
}
