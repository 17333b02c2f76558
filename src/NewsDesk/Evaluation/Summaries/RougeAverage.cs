namespace NewsDesk.Evaluation.Summaries;

/// <summary>Running means of ROUGE scores and summary length over a set.</summary>
internal sealed class RougeAverage
{
    private double rouge1;
    private double rouge2;
    private double rougeL;
    private long tokens;

    public int Count { get; private set; }

    public double Rouge1 => Count == 0 ? 0 : rouge1 / Count;
    public double Rouge2 => Count == 0 ? 0 : rouge2 / Count;
    public double RougeL => Count == 0 ? 0 : rougeL / Count;
    public double MeanTokens => Count == 0 ? 0 : tokens / (double)Count;

    public void Add(RougeScores scores, int summaryTokens)
    {
        rouge1 += scores.Rouge1;
        rouge2 += scores.Rouge2;
        rougeL += scores.RougeL;
        tokens += summaryTokens;
        Count++;
    }
}
