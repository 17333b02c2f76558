namespace NewsDesk.Tagging.Rules;

/// <summary>How much a match counts by where it is: headlines carry the story, the body mentions much in passing.</summary>
internal sealed record FieldWeights(double Title, double Lede, double Body)
{
    public static readonly string[] Names = ["title", "lede", "body"];

    public double For(int field) => field switch { 0 => Title, 1 => Lede, _ => Body };
}
