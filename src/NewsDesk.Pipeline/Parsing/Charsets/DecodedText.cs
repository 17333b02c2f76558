namespace NewsDesk.Parsing.Charsets;

/// <summary>The decoded document and the name of the encoding that was used.</summary>
internal sealed record DecodedText(string Text, string EncodingName);
