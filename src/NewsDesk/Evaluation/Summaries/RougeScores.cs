namespace NewsDesk.Evaluation.Summaries;

/// <summary>ROUGE F-scores of one summary against one reference, each from 0 to 1.</summary>
internal readonly record struct RougeScores(double Rouge1, double Rouge2, double RougeL);
