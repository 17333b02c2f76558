namespace NewsDesk.Evaluation.Summaries;

/// <summary>
/// One evaluated set: our summaries and the lead-3 baseline against the publisher's standfirsts, how many
/// standfirsts are copied verbatim from the body (which favours any lead-based method), how many summaries open
/// cleanly (<see cref="NewsDesk.Summaries.SummaryOpening.OpensCleanly"/>: no dateline, byline or sentence referring back)
/// and summarising time.
/// </summary>
internal sealed record SummarySetResult(
    string Name,
    RougeAverage Extractive,
    RougeAverage Lead3,
    int StandfirstInBody,
    int OpensCleanly,
    int Lead3OpensCleanly,
    double MeanMicroseconds,
    double MeanBodyCharacters);
