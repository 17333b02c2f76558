using NewsDesk.Tagging.Matching;

namespace NewsDesk.Tagging.Rules;

/// <summary>One signal's share of a theme score and the hit that shows it.</summary>
internal readonly record struct Contribution(double Value, Hit Hit, bool IsParty = false);
