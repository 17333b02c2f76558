using NewsDesk.Tagging.Entities;

namespace NewsDesk.Stories;

/// <summary>
/// Decides whether two reports tell the same story. Two routes lead there: near-duplicate text (one press
/// release reposted, MinHash) or enough shared headline words, content words and named parties. Dates far
/// apart, or different countries on each side, keep apart reports that only sound alike.
/// </summary>
public sealed class StoryMatcher(StoryMatcherOptions options)
{
    private const int HashCount = 64;
    private const int RowsPerBand = 4;
    private const int ShingleSize = 3;
    // Enough of the text to cover a lede and its first paragraphs, where the who-and-what of a story sits.
    private const int LeadTermWords = 80;
    // Caps on pair keys keep a long headline or an entity-heavy text from flooding the index.
    private const int MaxKeyTitleTerms = 8;
    private const int MaxKeyEntities = 6;
    private const double TitleWeight = 0.4;
    private const double TermWeight = 0.35;
    // Low: with the tagger's entities a short lede names one or two parties, and the same one or two (the US, Microsoft)
    // recur in many different stories.
    private const double EntityWeight = 0.1;
    // The same kind of event named on both sides (a declaration, a funding round): what an editor checks first.
    private const double SharedKindWeight = 0.1;
    // Two or more bodies named on both sides that the gazetteer does not list ("Carnegie Mellon University" and "Keio
    // University"): few stories name them, so sharing two is a strong sign of one event told from two sides.
    private const double SharedBodiesWeight = 0.1;
    private const double SamePartiesWeight = 0.15;
    // One summit or one round of talks, in one place ("talks in San Diego"): outlets that tell it from different angles
    // share little wording, but they name where it happened.
    private const double SameMeetingWeight = 0.1;

    public StoryMatcher()
        : this(new StoryMatcherOptions())
    {
    }

    /// <summary>How far before a report a date it names still counts as the event's date (a follow-up a few weeks later).</summary>
    public static readonly TimeSpan MentionedDateReach = TimeSpan.FromDays(30);

    /// <summary>Reports further apart than this are different events (see <see cref="StoryMatcherOptions.TimeWindow"/>).</summary>
    public TimeSpan TimeWindow => options.TimeWindow;

    /// <summary>
    /// How far apart two reports' dates can be and still be one story: the window, plus the reach of a date one of
    /// them names. Candidates further apart than this can never match, so the grouper does not look at them.
    /// </summary>
    public TimeSpan Reach => options.TimeWindow + MentionedDateReach;

    public StorySignature Sign(string title, string text, IReadOnlyCollection<string> entities)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entities);

        var titleTerms = StoryTerms.Of(title).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var lead = StoryTerms.Of(text).Take(LeadTermWords);
        return new StorySignature
        {
            MinHash = Sketches.MinHash(Text.WordTokenizer.LowerTokens(title + "\n" + text), HashCount, ShingleSize),
            TitleSimHash = Sketches.SimHash(titleTerms),
            TitleTerms = titleTerms,
            Terms = [.. titleTerms.Concat(lead).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Entities = [.. entities.Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            TitleCountries = [.. StoryEntities.Find(title, "").Where(StateNames.IsState).Order(StringComparer.Ordinal)],
            MentionedDates = Stories.MentionedDates.Find(title + "\n" + text),
            Amounts = MentionedAmounts.Find(title + "\n" + text),
            EventKinds = Stories.EventKinds.Find(title, text),
            Venues = Stories.Venues.Find(title, text),
        };
    }

    /// <summary>
    /// Index keys: two signatures that could be one story share at least one. MinHash bands catch
    /// near-duplicates, SimHash bands near-identical headlines, and headline-word and entity pairs catch
    /// rewrites and short ledes that share too few shingles.
    /// </summary>
    public string[] BandKeys(StorySignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var keys = new List<string>();
        for (var band = 0; band + RowsPerBand <= signature.MinHash.Length; band += RowsPerBand)
        {
            var hash = 17UL;
            for (var row = band; row < band + RowsPerBand; row++)
            {
                hash = StableHash.Mix(hash ^ signature.MinHash[row]);
            }

            keys.Add($"b{band / RowsPerBand}:{hash:x16}");
        }

        if (signature.TitleTerms.Length > 0)
        {
            for (var band = 0; band < 4; band++)
            {
                keys.Add($"s{band}:{signature.TitleSimHash >> (band * 16) & 0xFFFF:x4}");
            }
        }

        AddPairs(keys, "t", [.. signature.TitleTerms.Where(t => !StoryTerms.IsGeneric(t)).Take(MaxKeyTitleTerms)]);
        AddPairs(keys, "e", [.. signature.Entities.Take(MaxKeyEntities)]);
        // A place is a key of its own: reports of one meeting may share no headline word or party but its place.
        keys.AddRange(signature.Venues.Select(v => $"v:{v}"));
        return [.. keys.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The larger of the estimated shingle Jaccard and a blend of headline-word, content-word and entity
    /// overlap (words that every AI-cooperation report uses left out); 0 = nothing alike, 1 = the same.
    /// </summary>
    public double Similarity(StorySignature a, StorySignature b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var blended = TitleWeight * Dice(Specific(a.TitleTerms), Specific(b.TitleTerms))
            + TermWeight * Dice(Specific(a.Terms), Specific(b.Terms))
            + EntityWeight * Jaccard(a.Entities, b.Entities)
            + (Stories.EventKinds.Shared(a.EventKinds, b.EventKinds) ? SharedKindWeight : 0)
            + (a.Entities.Intersect(b.Entities, StringComparer.Ordinal).Count(e => !KnownEntities.IsKnown(e)) >= 2 ? SharedBodiesWeight : 0)
            + (Stories.Venues.SameMeeting(a, b) ? SameMeetingWeight : 0);
        return Math.Max(blended, Sketches.EstimateJaccard(a.MinHash, b.MinHash));
    }

    public bool IsSameStory(StorySignature a, DateTimeOffset? dateA, StorySignature b, DateTimeOffset? dateB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!WithinWindow(a, dateA, b, dateB))
        {
            return false;
        }

        // Before the near-duplicate test: templated releases ("UK and X sign AI pact") share most of their words. A
        // headline that names no state leaves the parties to the lede, which names whoever it quotes ("French President
        // Emmanuel Macron"): against a report of the same summit in the same place, that is no conflict.
        if (CountriesConflict(a, b) && !(Stories.Venues.SameMeeting(a, b) && (a.TitleCountries.Length == 0 || b.TitleCountries.Length == 0)))
        {
            return false;
        }

        // Two funding rounds of one company, or two deals between the same parties, quote different sums.
        if (MentionedAmounts.Conflict(a.Amounts, b.Amounts))
        {
            return false;
        }

        // The same two (or more) parties in both headlines, both dated within the window: "UK and India sign AI
        // memorandum" and "India and Britain agree to test AI models together" on one day. Undated reports get no such
        // credit, since two different deals between the same parties would then look alike at any distance.
        var sameParties = dateA is not null && dateB is not null && a.TitleCountries.Length >= 2
            && a.TitleCountries.ToHashSet(StringComparer.Ordinal).SetEquals(b.TitleCountries) ? SamePartiesWeight : 0;
        return Sketches.EstimateJaccard(a.MinHash, b.MinHash) >= options.NearDuplicateJaccard
            || Similarity(a, b) + sameParties >= options.SameStoryThreshold;
    }

    /// <summary>
    /// Whether the two reports are close enough in time: their dates, or a date one of them names and the other's
    /// date (a follow-up written a fortnight later that says "On October 30, the White House issued..."), or a date
    /// both name. A missing date does not veto: feeds often lack one. An undated report that names a day without its
    /// year ("released on Monday (Jul 25)") is about that day in some year: a report dated six weeks from it in every
    /// year tells of another event.
    /// </summary>
    private bool WithinWindow(StorySignature a, DateTimeOffset? dateA, StorySignature b, DateTimeOffset? dateB)
    {
        var eventsA = EventDates(a, dateA);
        var eventsB = EventDates(b, dateB);
        var daysA = dateA is null ? DaysWithoutYear(a) : [];
        var daysB = dateB is null ? DaysWithoutYear(b) : [];
        if (eventsA.Count + daysA.Count == 0 || eventsB.Count + daysB.Count == 0)
        {
            return true;
        }

        return eventsA.Any(x => eventsB.Any(y => Close(x, y)))
            || daysA.Any(d => eventsB.Any(y => Close(Nearest(d, y), y)))
            || daysB.Any(d => eventsA.Any(x => Close(Nearest(d, x), x)))
            || daysA.Any(d => daysB.Any(e => Close(Nearest(d, AnyYear), Nearest(e, Nearest(d, AnyYear)))));
    }

    // Two days without a year are compared in one year (and its neighbours, for 30 December against 2 January).
    private static readonly DateTimeOffset AnyYear = new(2024, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Nearest((int Month, int Day) day, DateTimeOffset near) => Stories.MentionedDates.Nearest(day, near);

    private bool Close(DateTimeOffset x, DateTimeOffset y) => (x - y).Duration() <= options.TimeWindow;

    private static List<(int Month, int Day)> DaysWithoutYear(StorySignature signature) =>
        [.. signature.MentionedDates.Select(Stories.MentionedDates.ParseDayOfYear).OfType<(int, int)>()];

    /// <summary>
    /// When the report's event happened: its date, and recent dates it names (a day named without its year is taken in
    /// the report's year, or the year before). An undated report that names full dates ("On October 30, 2023, the White
    /// House announced...") is about then; one that names none could be about any time.
    /// </summary>
    private static List<DateTimeOffset> EventDates(StorySignature signature, DateTimeOffset? reportDate)
    {
        if (reportDate is not { } date)
        {
            return [.. signature.MentionedDates.Select(Stories.MentionedDates.Parse).OfType<DateTimeOffset>()];
        }

        var dates = new List<DateTimeOffset> { date };
        foreach (var mentioned in signature.MentionedDates)
        {
            var parsed = Stories.MentionedDates.Parse(mentioned)
                ?? (Stories.MentionedDates.ParseDayOfYear(mentioned) is { } day ? Nearest(day, date) : null);
            // Only dates before the report: "the summit on 10 February" in a preview is not when it was written. And
            // only recent ones: a bound keeps the reports that could match within a known distance (Reach).
            if (parsed is { } past && past <= date && date - past <= MentionedDateReach)
            {
                dates.Add(past);
            }
        }

        return dates;
    }

    /// <summary>
    /// The parties: the headline's countries when it names any (a lede lists signatories and places in passing,
    /// "companies from China, South Korea and the UAE"), else every country the report names.
    /// </summary>
    private static string[] Parties(StorySignature signature) =>
        signature.TitleCountries.Length > 0 ? signature.TitleCountries : signature.Entities;

    /// <summary>
    /// "UK and India sign AI pact" against "UK and Japan sign AI pact": each side's parties include a country the
    /// other report does not name at all. A party the other names only in its text (a headline's "American AI
    /// Initiative" against a lede that says "United States") is no conflict.
    /// </summary>
    private static bool CountriesConflict(StorySignature a, StorySignature b)
    {
        var countriesA = a.Entities.Where(StateNames.IsState).ToHashSet(StringComparer.Ordinal);
        var countriesB = b.Entities.Where(StateNames.IsState).ToHashSet(StringComparer.Ordinal);
        var partiesA = Parties(a).Where(StateNames.IsState).ToHashSet(StringComparer.Ordinal);
        var partiesB = Parties(b).Where(StateNames.IsState).ToHashSet(StringComparer.Ordinal);
        if (partiesA.Count == 0 || partiesB.Count == 0)
        {
            return false;
        }

        var onlyA = partiesA.Except(countriesB).Any();
        var onlyB = partiesB.Except(countriesA).Any();
        return onlyA && onlyB && Jaccard([.. partiesA], [.. partiesB]) < 0.5;
    }

    private static string[] Specific(string[] terms) => [.. terms.Where(t => !StoryTerms.IsGeneric(t))];

    private static double Dice(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var shared = a.Intersect(b, StringComparer.Ordinal).Count();
        return 2.0 * shared / (a.Length + b.Length);
    }

    private static double Jaccard(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var shared = a.Intersect(b, StringComparer.Ordinal).Count();
        return shared / (double)(a.Length + b.Length - shared);
    }

    private static void AddPairs(List<string> keys, string prefix, string[] items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            for (var j = i + 1; j < items.Length; j++)
            {
                keys.Add($"{prefix}:{items[i]}|{items[j]}");
            }
        }
    }
}
