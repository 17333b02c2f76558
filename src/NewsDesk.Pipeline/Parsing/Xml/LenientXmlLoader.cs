using System.Buffers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using NewsDesk.Pipeline;

namespace NewsDesk.Parsing.Xml;

/// <summary>
/// Reads repaired feed text into an XElement tree with a strict, safe reader (no DTD, no resolver,
/// size and depth caps). When the document breaks off part-way (truncated download, mismatched tag),
/// the tree built so far is kept: a feed missing its last items is worth more than no feed.
/// <para>
/// The tree costs hundreds of bytes an element and is copied twice more on its way through FeedReader, so it holds
/// only what will be used: items or entries past <c>maxEntries</c> are skipped unread, and a text longer than
/// <see cref="FieldCaps.Html"/> is cut while it is read (a feed of 260,000 tiny items or a 10 MB title otherwise
/// costs the process most of a gigabyte).
/// </para>
/// </summary>
internal static class LenientXmlLoader
{
    private const int MaxDepth = 64;
    private const long MaxCharacters = 50_000_000;

    public static XElement Load(string text, int maxEntries)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false,
        };

        XElement? root = null;
        XElement? current = null;
        var entries = 0;
        var skipped = false;
        using var reader = XmlReader.Create(new StringReader(text), settings);
        try
        {
            // After a Skip the reader already stands on the next node, which must not be read past.
            while (skipped || reader.Read())
            {
                skipped = false;
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (reader.Depth <= 2 && reader.LocalName is "item" or "entry" && ++entries > maxEntries)
                        {
                            reader.Skip();
                            skipped = true;
                            continue;
                        }

                        var element = ReadStartElement(reader);
                        if (reader.Depth >= MaxDepth)
                        {
                            throw new FeedParseException("document nests elements too deeply", Line(reader), Column(reader));
                        }

                        if (current is null)
                        {
                            root = element;
                            root.AddAnnotation(new RootPosition(Line(reader) ?? 1, Column(reader) ?? 1));
                        }
                        else
                        {
                            current.Add(element);
                        }

                        if (!reader.IsEmptyElement)
                        {
                            current = element;
                        }

                        break;
                    case XmlNodeType.EndElement:
                        current = current?.Parent;
                        break;
                    case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        current?.Add(new XText(CappedValue(reader)));
                        break;
                    case XmlNodeType.CDATA:
                        current?.Add(new XCData(CappedValue(reader)));
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            if (root is null || !root.HasElements)
            {
                // "Root element is missing" comes without a position: reading stopped at the end of the text.
                var (line, column) = ex.LineNumber > 0 ? (ex.LineNumber, ex.LinePosition) : TextPosition.End(text);
                throw new FeedParseException($"not well-formed XML: {ex.Message}", line, column, ex);
            }

            // Only a break-off at the end of the text is a truncated download; a mismatched tag
            // earlier on leaves the element being read complete enough to keep.
            if (ex.LineNumber >= text.AsSpan().Count('\n') + 1)
            {
                DropUnfinished(current);
            }
        }

        if (root is null)
        {
            var (line, column) = TextPosition.End(text);
            throw new FeedParseException("document has no root element", line, column);
        }

        return root;
    }

    /// <summary>Where the root element starts, for errors about the document as a whole (an unknown format).</summary>
    public static (int Line, int Column) PositionOf(XElement root) =>
        root.Annotation<RootPosition>() is { } p ? (p.Line, p.Column) : (1, 1);

    /// <summary>
    /// After a break-off, the item or entry that was being read is incomplete (a title cut mid-word, no
    /// link): drop it rather than publish half an article. Other open elements (rss, channel) are kept.
    /// </summary>
    private static void DropUnfinished(XElement? current)
    {
        var open = current?.AncestorsAndSelf().ToList() ?? [];
        var unfinished = open.LastOrDefault(e => e.Name.LocalName is "item" or "entry")
            ?? (current is { HasElements: false, Parent: not null } ? current : null);
        unfinished?.Remove();
    }

    /// <summary>The node's text, read in chunks so that a huge one is never held whole; cut at <see cref="FieldCaps.Html"/>.</summary>
    private static string CappedValue(XmlReader reader)
    {
        if (!reader.CanReadValueChunk)
        {
            return FieldCaps.Cap(reader.Value, FieldCaps.Html)!;
        }

        var chunk = ArrayPool<char>.Shared.Rent(8192);
        try
        {
            // The reader may return less than was asked for before the end of the text: fill the chunk first.
            var length = 0;
            int read;
            while (length < chunk.Length && (read = reader.ReadValueChunk(chunk, length, chunk.Length - length)) > 0)
            {
                length += read;
            }

            if (length < chunk.Length)
            {
                // Nearly every text of a feed fits in one chunk.
                return new string(chunk, 0, length);
            }

            var value = new StringBuilder().Append(chunk, 0, length);
            while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                // One character over the cap is kept, so FieldCaps.Cap sees the text was longer and marks the cut.
                value.Append(chunk, 0, Math.Min(read, Math.Max(0, FieldCaps.Html + 1 - value.Length)));
            }

            return FieldCaps.Cap(value.ToString(), FieldCaps.Html)!;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chunk);
        }
    }

    private static XElement ReadStartElement(XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                // Namespace declarations are dropped: names already carry their namespace, and
                // re-declaring them on a detached tree only invites prefix conflicts.
                if (reader.NamespaceURI != "http://www.w3.org/2000/xmlns/")
                {
                    element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        return element;
    }

    private sealed record RootPosition(int Line, int Column);

    private static int? Line(XmlReader reader) => (reader as IXmlLineInfo)?.LineNumber;

    private static int? Column(XmlReader reader) => (reader as IXmlLineInfo)?.LinePosition;
}
