namespace NewsDesk.Digests;

/// <summary>One line of "At a glance": a top story's headline, parties and number of sources, pointing at its entry.</summary>
public sealed record GlanceLine(string StoryId, string Headline, string[] Parties, int Sources, string Anchor);
