namespace NewsDesk.Tagging;

/// <summary>
/// The one scale a tag's score is shown, stored, filtered and exported on: 0 to 1. The tagger's raw score is a sum of
/// weighted phrase matches with no upper bound (about 1 to 12 in practice, a theme's threshold being 1.0 by
/// default), which no filter could use; <c>raw / (raw + 1)</c> keeps its order and puts a tag at the default
/// threshold at 0.5, twice the threshold at 0.67, four times at 0.8 and nine times at 0.9.
/// </summary>
public static class TagScore
{
    public static double FromRaw(double raw) => raw <= 0 ? 0 : Math.Round(raw / (raw + 1), 4);
}
