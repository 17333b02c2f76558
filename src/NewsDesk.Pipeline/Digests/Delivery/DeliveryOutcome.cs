namespace NewsDesk.Digests.Delivery;

/// <summary>What happened at one delivery target: sent (Detail says to whom) or failed (Detail says why).</summary>
public sealed record DeliveryOutcome(string Target, bool Sent, string Detail)
{
    public override string ToString() => Sent ? $"{Target}: sent to {Detail}" : $"{Target}: failed: {Detail}";
}
