namespace NewsDesk.Storage;

/// <summary>Which date a range filter applies to. "Published" falls back to the ingest time for articles without a date.</summary>
public enum ArticleDateField
{
    Published,
    Ingested,
}
