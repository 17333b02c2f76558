using NewsDesk.Text;

namespace NewsDesk.Stories;

/// <summary>
/// The kind of event a report tells of, from the words that name it: a memorandum signed, a declaration, a summit, a
/// treaty, a law or an executive order, a funding round, a product launched, a programme, a partnership, a roadmap,
/// a standard, a country joining, talks. Two reports of one event usually name one kind in common (the declaration
/// signed at a summit is told as either), so a shared kind adds to their likeness. Kinds in common are no veto the
/// other way: a "joint call for proposals" is told as a declaration of intent by one outlet and a funding call by another.
/// </summary>
internal static class EventKinds
{
    private static readonly Dictionary<string, string> Words = Build(new()
    {
        ["memorandum"] = ["memorandum", "mou", "mous"],
        ["declaration"] = ["declaration", "communique", "communiqué", "statement"],
        ["summit"] = ["summit", "ministerial"],
        ["treaty"] = ["treaty", "convention"],
        ["law"] = ["law", "bill", "legislation", "veto", "vetoes", "vetoed"],
        ["order"] = ["executive order", "decree"],
        ["funding"] = ["funding", "raise", "raises", "raised", "raising", "valuation", "invest", "invests", "investment", "investors"],
        ["launch"] = ["release", "releases", "released", "launch", "launches", "launched", "unveil", "unveils", "unveiled", "model"],
        ["programme"] = ["initiative", "programme", "program", "fellowship", "scheme"],
        ["partnership"] = ["partnership", "partnerships", "partner", "partners", "partnered"],
        ["roadmap"] = ["roadmap", "road map"],
        ["standard"] = ["standard", "standards", "guidelines", "guidance", "code", "principles"],
        ["joining"] = ["join", "joins", "joined", "joining", "sign up", "signs up", "signed up", "member", "members"],
        ["talks"] = ["talks", "dialogue", "meeting", "meets"],
        ["acquisition"] = ["acquire", "acquires", "acquired", "acquisition", "buys"],
    });

    public static string[] Find(string title, string lede)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(lede);
        var tokens = WordTokenizer.LowerTokens(title + "\n" + lede);
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            // Two-word names first: "executive order", "road map".
            if ((i + 1 < tokens.Count && Words.TryGetValue(tokens[i] + " " + tokens[i + 1], out var kind)) || Words.TryGetValue(tokens[i], out kind))
            {
                kinds.Add(kind);
            }
        }

        return [.. kinds];
    }

    public static bool Shared(string[] a, string[] b) => a.Intersect(b, StringComparer.Ordinal).Any();

    private static Dictionary<string, string> Build(Dictionary<string, string[]> kinds) =>
        kinds.SelectMany(k => k.Value.Select(w => (Word: w, Kind: k.Key))).ToDictionary(p => p.Word, p => p.Kind, StringComparer.Ordinal);
}
