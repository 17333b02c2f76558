using System.Text.RegularExpressions;

namespace NewsDesk.Stories;

/// <summary>
/// Where a meeting took place, as the headline and lede name it: "talks in San Diego", "the AI Summit in Paris", "the
/// Paris AI summit". Two reports of one summit or one round of talks name its place; reports of different meetings on
/// the same beat rarely share one. States, blocs and the capitals that stand for their state are left out: story
/// matching already compares them as parties (<see cref="StoryEntities"/>), and "in China" says nothing of a venue.
/// </summary>
internal static partial class Venues
{
    private const int MaxVenues = 4;

    // The kinds of event that happen somewhere (EventKinds): a place only says "the same meeting" when both reports tell of one.
    private static readonly string[] MeetingKinds = ["summit", "talks"];

    private static readonly HashSet<string> NotPlaces = new(
        [.. MentionedDates.Months, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], StringComparer.Ordinal);

    [GeneratedRegex(@"\b(?:in|at)\s+(?<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b|\b(?<place>[A-Z][a-z]+)\s+(?:AI\s+)?[Ss]ummit\b", RegexOptions.CultureInvariant)]
    private static partial Regex VenuePattern();

    public static string[] Find(string title, string lede)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(lede);
        var places = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in VenuePattern().Matches(title + "\n" + lede))
        {
            var place = match.Groups["place"].Value;
            if (!NotPlaces.Contains(place.ToLowerInvariant()) && StoryEntities.Find(place, "").Length == 0)
            {
                places.Add(place.ToLowerInvariant());
            }
        }

        return [.. places.Take(MaxVenues)];
    }

    /// <summary>Both reports tell of a summit or talks, and name one place for it.</summary>
    public static bool SameMeeting(StorySignature a, StorySignature b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return MeetingKinds.Any(k => a.EventKinds.Contains(k, StringComparer.Ordinal) && b.EventKinds.Contains(k, StringComparer.Ordinal))
            && a.Venues.Intersect(b.Venues, StringComparer.Ordinal).Any();
    }
}
