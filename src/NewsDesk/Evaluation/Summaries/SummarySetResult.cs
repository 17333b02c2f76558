namespace NewsDesk.Evaluation.Summaries;

/// <summary>
/// One evaluated set: our summaries and the lead-3 baseline against the publisher's standfirsts, how many
/// standfirsts are copied verbatim from the body (which favours any lead-based method), and summarising time.
/// </summary>
internal sealed record SummarySetResult(
    string Name,
    RougeAverage Extractive,
    RougeAverage Lead3,
    int StandfirstInBody,
    double MeanMicroseconds,
    double MeanBodyCharacters);
