using System.Globalization;

namespace NewsDesk.Evaluation.Feeds;

/// <summary>Figures of one `eval feeds` run, and their printout.</summary>
internal sealed record FeedConformanceReport(
    IReadOnlyList<CaseResult> Cases,
    int DatesCorrect,
    int DatesTotal,
    IReadOnlyList<string> DateFailures,
    int? FeedReaderParsed = null,
    int? FallbackParsed = null)
{
    public int Checkable => Cases.Count(c => c.Checkable);

    public int Passed => Cases.Count(c => c.Passed);

    public double PassRate => Checkable == 0 ? 0 : (double)Passed / Checkable;

    public double DateAccuracy => DatesTotal == 0 ? 0 : (double)DatesCorrect / DatesTotal;

    public int UnexpectedExceptions => Cases.Count(c => c.Unexpected);

    /// <summary>Inputs refused without saying where: every unreadable feed must name a line and column.</summary>
    public IReadOnlyList<CaseResult> Unlocated => [.. Cases.Where(c => c.Error is not null && !c.Error.Contains("(line ", StringComparison.Ordinal))];

    public static FeedConformanceReport Run(string dataDir, FeedConformanceEvaluator evaluator)
    {
        var cases = evaluator.Run(dataDir);
        var (correct, total, failures) = DateConformance.Run(dataDir);
        return new FeedConformanceReport(cases, correct, total, failures, evaluator.Parser?.FeedReaderCount, evaluator.Parser?.FallbackCount);
    }

    public void Write(TextWriter output, bool listFailures = true)
    {
        var ci = CultureInfo.InvariantCulture;
        output.WriteLine(string.Format(ci, "cases: {0}, checkable: {1}, passed: {2} ({3:P1})", Cases.Count, Checkable, Passed, PassRate));
        output.WriteLine(string.Format(ci, "dates (FeedDateParser): {0}/{1} ({2:P1})", DatesCorrect, DatesTotal, DateAccuracy));
        output.WriteLine(string.Format(ci, "unexpected exceptions: {0}", UnexpectedExceptions));
        output.WriteLine(string.Format(ci, "inputs that raised an exception: {0}", Cases.Count(c => c.Error is not null)));
        output.WriteLine(string.Format(ci, "unreadable inputs whose error lacks line and column: {0}", Unlocated.Count));
        if (FeedReaderParsed is { } viaFeedReader && FallbackParsed is { } viaFallback)
        {
            // Every parse that returned a feed, by the reader that produced it (the rest is JSON Feed).
            var parsed = Cases.Count(c => c.Error is null);
            output.WriteLine(string.Format(ci, "FeedReader parsed {0} of {1} feeds; fallback reader {2}; JSON Feed {3}", viaFeedReader, parsed, viaFallback, parsed - viaFeedReader - viaFallback));
        }

        output.WriteLine("per category:");
        foreach (var group in Cases.Where(c => c.Checkable).GroupBy(c => c.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var passed = group.Count(c => c.Passed);
            output.WriteLine(string.Format(ci, "  {0,-24} {1,4}/{2,-4} {3,7:P1}", group.Key, passed, group.Count(), (double)passed / group.Count()));
        }

        if (!listFailures)
        {
            return;
        }

        output.WriteLine("failures:");
        foreach (var c in Cases.Where(c => c.Checkable && !c.Passed))
        {
            output.WriteLine($"  {c.Id}{(c.Error is null ? string.Empty : " [" + c.Error + "]")}");
            foreach (var m in c.Mismatches)
            {
                output.WriteLine($"      {m.ReplaceLineEndings(" ")}");
            }
        }

        foreach (var c in Cases.Where(c => c.Unexpected))
        {
            output.WriteLine($"  unexpected exception in {c.Id}: {c.Error}");
        }

        foreach (var c in Unlocated)
        {
            output.WriteLine($"  error without line and column in {c.Id}: {c.Error}");
        }

        foreach (var f in DateFailures)
        {
            output.WriteLine($"  {f}");
        }
    }
}
