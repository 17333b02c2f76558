namespace NewsDesk.Summaries;

public static class SummaryMethods
{
    public const string Extractive = "extractive";
    public const string Machine = "machine";
}
