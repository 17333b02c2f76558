namespace NewsDesk.Exports;

public enum ExportFormat
{
    Csv,
    Jsonl,
}
