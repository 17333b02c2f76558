namespace NewsDesk.Extraction.Content;

/// <summary>What a tag is to the extractor; see <see cref="TagSets"/>.</summary>
[Flags]
internal enum TagKind : byte
{
    Inline = 0,
    Dropped = 1,
    Block = 2,
    Heading = 4,
    ParagraphLike = 8,
    Chrome = 16,
}
