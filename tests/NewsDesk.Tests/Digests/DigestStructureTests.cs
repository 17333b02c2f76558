using System.Text.Json;
using AngleSharp.Html.Parser;
using NewsDesk.Digests;
using NewsDesk.Storage;
using NewsDesk.Tagging;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Digests;

/// <summary>
/// The digest an editor reads, built from a real store: "At a glance", readable theme labels, parties, "why these
/// tags", "also reported by", "developing" and the untagged headlines kept to "Also in the feeds", in every format.
/// </summary>
public sealed class DigestStructureTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Date = new(2026, 11, 22);

    private readonly TempFolder _temp = new();
    private readonly LiteDbNewsStore _store;

    public DigestStructureTests()
    {
        _store = new LiteDbNewsStore(_temp.File("news.db"));
        var safety = Articles.Make("gov1", "UK and India sign AI safety memorandum", Day, ["safety_ethics", "bilateral"], story: "s1", kind: "government");
        safety = safety with
        {
            Tags =
            [
                new ThemeTag { Theme = "safety_ethics", Score = 0.9, Evidence = [new TagEvidence { Phrase = "AI safety", Sentence = "UK and India sign AI safety memorandum", Field = "title" }] },
                new ThemeTag { Theme = "bilateral", Score = 0.7, Evidence = [new TagEvidence { Phrase = "memorandum", Sentence = "UK and India sign AI safety memorandum", Field = "title" }] },
            ],
        };
        _store.Save(safety);
        _store.Save(Articles.Make("press1", "UK, India ink AI pact", Day.AddHours(2), ["bilateral"], story: "s1") with { Source = "PolicyWire" });
        // The story began two days earlier: the digest says it is developing.
        _store.Save(Articles.Make("early", "UK and India open AI safety talks", Day.AddDays(-2), ["bilateral"], story: "s1") with { Source = "PolicyWire" });
        _store.Save(Articles.Make("std", "New AI code of practice", Day, ["standards"]));
        _store.Save(Articles.Make("fintech", "Fintech start-up raises funds", Day) with { Parties = [], Organisations = [] });
    }

    private Digest Build(bool listUntagged = true) => new DigestBuilder(_store, TimeProvider.System).Build(Date, TimeZoneInfo.Utc, listUntagged);

    [Fact]
    public void The_digest_opens_at_a_glance_and_keeps_untagged_articles_to_headlines()
    {
        var digest = Build();

        Assert.Equal(["s1", "std"], digest.AtAGlance.Select(l => l.StoryId));
        Assert.Equal(2, digest.AtAGlance[0].Sources);
        Assert.Equal(["United Kingdom", "India"], digest.AtAGlance[0].Parties);
        Assert.DoesNotContain(digest.Sections, s => s.Theme == ThemeHeadings.Other);
        Assert.DoesNotContain(digest.Sections.SelectMany(s => s.Entries), e => e.ArticleId == "fintech");
        Assert.Equal(["Fintech start-up raises funds"], digest.AlsoInTheFeeds.Select(l => l.Title));

        var story = digest.Sections.SelectMany(s => s.Entries).Single(e => e.StoryId == "s1");
        Assert.Equal("gov1", story.ArticleId);
        Assert.Equal(["Safety and ethics", "Bilateral"], story.ThemeLabels);
        Assert.Equal(new DevelopingStory(Date.AddDays(-2), 2), story.Developing);
        Assert.Null(digest.Sections.SelectMany(s => s.Entries).Single(e => e.StoryId == "std").Developing);

        Assert.Empty(Build(listUntagged: false).AlsoInTheFeeds);
    }

    [Fact]
    public void Html_has_every_part_with_evidence_collapsed_and_no_raw_theme_ids()
    {
        var html = HtmlDigestRenderer.Render(Build(), showEvidence: false);
        var document = new HtmlParser().ParseDocument(html);

        var glance = document.QuerySelector("#at-a-glance")!;
        Assert.Equal("At a glance", glance.QuerySelector("h2")!.TextContent);
        var first = glance.QuerySelector("li a")!;
        Assert.Equal("#story-s1", first.GetAttribute("href"));
        Assert.NotNull(document.GetElementById("story-s1"));
        Assert.Contains("United Kingdom, India · 2 sources", glance.QuerySelector("li")!.TextContent);

        var entry = document.GetElementById("story-s1")!;
        Assert.Equal("https://example.org/gov1", entry.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.StartsWith("GOV.UK", entry.QuerySelector("div")!.TextContent);
        Assert.Equal("Parties: United Kingdom, India · Organisations: AI Security Institute", entry.QuerySelector("[data-line=parties]")!.TextContent);
        Assert.Equal("Developing: first reported 2026-11-20, 2 new reports today", entry.QuerySelector("[data-line=developing]")!.TextContent);
        var why = entry.QuerySelector("details")!;
        Assert.Equal("Why these tags", why.QuerySelector("summary")!.TextContent);
        Assert.Contains("Safety and ethics: \u201CAI safety\u201D", why.TextContent);
        Assert.Contains("Also reported by: PolicyWire", entry.TextContent);

        Assert.DoesNotContain("safety_ethics", document.Body!.TextContent);
        var also = document.GetElementById("also-in-the-feeds")!;
        Assert.Equal("details", also.LocalName);
        Assert.False(also.HasAttribute("open"));
        Assert.Contains("Fintech start-up raises funds", also.TextContent);
        Assert.DoesNotContain(document.QuerySelectorAll("article h3"), h => h.TextContent.Contains("Fintech", StringComparison.Ordinal));
    }

    [Fact]
    public void A_right_to_left_override_in_a_headline_stays_inside_its_own_bidi_isolate()
    {
        _store.Save(Articles.Make("rtl", "Pact signed \u202E\u0627\u062A\u0641\u0627\u0642 on AI safety", Day.AddHours(3), ["standards"]));

        var document = new HtmlParser().ParseDocument(HtmlDigestRenderer.Render(Build(), showEvidence: false));

        // Every headline link holds its text in a <bdi>, so an override or a right-to-left ending cannot reorder the
        // source, parties and counts after it.
        var links = document.QuerySelectorAll("h3 a, #at-a-glance li a").ToList();
        Assert.NotEmpty(links);
        Assert.All(links, a => Assert.NotNull(a.QuerySelector("bdi")));
        Assert.Contains(document.QuerySelectorAll("bdi"), b => b.TextContent.Contains('\u202E', StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_puts_why_these_tags_in_footnotes()
    {
        var markdown = MarkdownDigestRenderer.Render(Build(), showEvidence: false);

        Assert.Contains("## At a glance\n\n1. [UK and India sign AI safety memorandum](#story-s1) · United Kingdom, India · 2 sources\n", markdown);
        Assert.Contains("### [UK and India sign AI safety memorandum](<https://example.org/gov1>) {#story-s1}\n", markdown);
        Assert.Contains("Parties: United Kingdom, India · Organisations: AI Security Institute", markdown);
        Assert.Contains("Themes: Safety and ethics, Bilateral[^2]", markdown);
        Assert.Contains("[^2]: Why these tags: Safety and ethics: \u201CAI safety\u201D; Bilateral: \u201Cmemorandum\u201D", markdown);
        Assert.Contains("**Developing: first reported 2026-11-20, 2 new reports today**", markdown);
        Assert.Contains("Also reported by: [PolicyWire](<https://example.org/press1>)", markdown);
        Assert.Contains("## Also in the feeds", markdown);
        Assert.DoesNotContain("### [Fintech", markdown);
        Assert.DoesNotContain("safety\\_ethics", markdown);
        Assert.DoesNotContain("safety_ethics", markdown);
    }

    [Fact]
    public void Plain_text_numbers_why_these_tags_as_notes()
    {
        var text = PlainTextDigestRenderer.Render(Build());

        Assert.Contains("== At a glance ==\n1. UK and India sign AI safety memorandum · United Kingdom, India · 2 sources\n", text);
        Assert.Contains("  Parties: United Kingdom, India · Organisations: AI Security Institute\n", text);
        Assert.Contains("  Themes: Safety and ethics, Bilateral [2]\n", text);
        Assert.Contains("  Developing: first reported 2026-11-20, 2 new reports today\n", text);
        Assert.Contains("== Why these tags ==\n[1] Standards: \u201Cmemorandum\u201D\n[2] Safety and ethics: \u201CAI safety\u201D; Bilateral: \u201Cmemorandum\u201D\n", text);
        Assert.Contains("== Also in the feeds: 1 headline with no theme ==\n- Fintech start-up raises funds (TechPress) <https://example.org/fintech>\n", text);
        Assert.DoesNotContain("safety_ethics", text);
    }

    [Fact]
    public void Json_carries_the_same_structure_for_tools()
    {
        using var json = JsonDocument.Parse(JsonDigestRenderer.Render(Build()));
        var root = json.RootElement;

        Assert.Equal("s1", root.GetProperty("atAGlance")[0].GetProperty("storyId").GetString());
        Assert.Equal(2, root.GetProperty("atAGlance")[0].GetProperty("sources").GetInt32());
        Assert.Equal("Fintech start-up raises funds", root.GetProperty("alsoInTheFeeds")[0].GetProperty("title").GetString());
        var entry = root.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("entries").EnumerateArray()).Single(e => e.GetProperty("storyId").GetString() == "s1");
        Assert.Equal("Safety and ethics", entry.GetProperty("themeLabels")[0].GetString());
        Assert.Equal("AI safety", entry.GetProperty("tags")[0].GetProperty("evidence")[0].GetProperty("phrase").GetString());
        Assert.Equal("2026-11-20", entry.GetProperty("developing").GetProperty("firstReported").GetString());
        Assert.Equal(2, entry.GetProperty("developing").GetProperty("newReports").GetInt32());
        Assert.Equal("AI Security Institute", entry.GetProperty("organisations")[0].GetString());
        Assert.Equal("PolicyWire", entry.GetProperty("alsoReportedBy")[0].GetProperty("source").GetString());
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
