namespace NewsDesk.Tagging;

/// <summary>
/// A taxonomy or gazetteer file that cannot be used. The message names the file, then the theme (or entry) and the
/// field, or the line and position of a JSON syntax error, so an operator can fix the file without reading code.
/// </summary>
public sealed class TaxonomyException : Exception
{
    public TaxonomyException()
    {
    }

    public TaxonomyException(string message)
        : base(message)
    {
    }

    public TaxonomyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
