using System.Globalization;
using System.Net;
using System.Text;

namespace NewsDesk.Benchmarking;

/// <summary>
/// Writes a synthetic news article page of 30–300 KB shaped like the pages publishers serve: a head full of meta
/// tags, JSON-LD, inline CSS and scripts; a header with nested navigation, a cookie banner, breadcrumbs; the article
/// (headline, standfirst, byline, figure, paragraphs with links, subheadings, a list, a quote, tags); related links,
/// a newsletter form, a large footer and an app-state script that repeats the text, as framework-built sites do.
/// Deterministic: the same feed and item give the same page. Each feed is one "site" with its own markup style.
/// </summary>
internal static class ArticlePageGenerator
{
    private const int MinBytes = 30_000;
    private const int MaxBytes = 300_000;

    public static string Headline(int feed, int item, int totalItems)
    {
        var story = SyntheticStory.For(SyntheticStory.NumberOf(feed, item, totalItems));
        var random = new Random(BenchHash.Seed($"headline-{feed}-{item}"));
        return story.Fill(SyntheticStory.Pick(random, BenchVocabulary.Headlines));
    }

    public static string Standfirst(int feed, int item, int totalItems)
    {
        var story = SyntheticStory.For(SyntheticStory.NumberOf(feed, item, totalItems));
        return story.Fill("{A} and {B} will work together on {T} under the {P}, with the {O} following the talks closely.");
    }

    public static string Page(int feed, int item, int totalItems, string url, DateTimeOffset published)
    {
        var random = new Random(BenchHash.Seed($"page-{feed}-{item}"));
        var story = SyntheticStory.For(SyntheticStory.NumberOf(feed, item, totalItems));
        var style = feed % 3;
        var site = $"Site {feed} News";
        var headline = Headline(feed, item, totalItems);
        // Skewed toward the small end, as real pages are: median near 120 KB.
        var target = MinBytes + (int)((MaxBytes - MinBytes) * Math.Pow(random.NextDouble(), 1.6));
        var paragraphs = Paragraphs(random, story, 6 + random.Next(18));

        var html = new StringBuilder(target + 8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\" class=\"no-js\">\n<head>\n<meta charset=\"utf-8\">\n");
        Head(html, random, site, headline, Standfirst(feed, item, totalItems), url, published, style);
        html.Append("</head>\n<body class=\"").Append(C(style, "page")).Append(" article-template\">\n");
        Header(html, random, site, style);
        Article(html, random, headline, Standfirst(feed, item, totalItems), paragraphs, story, url, published, style);
        Related(html, random, feed, item, style);
        Footer(html, random, site, style);
        // Framework-built pages carry their state (the article text again, plus configuration) in a script: the
        // bulk of many real pages, and the part the page grows by up to its size.
        html.Append("<script id=\"__APP_STATE__\" type=\"application/json\">{\"article\":{\"body\":[");
        foreach (var p in paragraphs)
        {
            html.Append('"').Append(JsonEscape(p)).Append("\",");
        }

        html.Append("\"\"]},\"config\":{");
        var n = 0;
        while (html.Length < target - 200)
        {
            html.Append(CultureInfo.InvariantCulture, $"\"flag_{n}\":{{\"enabled\":{(random.Next(2) == 0 ? "true" : "false")},\"variant\":\"v{random.Next(9)}\",\"bucket\":{random.Next(1000)},\"path\":\"/static/js/chunk-{random.Next(1 << 20):x5}.js\"}},");
            n++;
        }

        html.Append("\"end\":true}}</script>\n<script src=\"/static/js/main.js\" defer></script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static List<string> Paragraphs(Random random, SyntheticStory story, int count)
    {
        var result = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var sentences = new List<string>();
            var length = 2 + random.Next(4);
            for (var s = 0; s < length; s++)
            {
                // The first paragraphs carry the story; later ones mix in the background every report has.
                sentences.Add(random.Next(10) < (i < 3 ? 8 : 4)
                    ? story.Fill(SyntheticStory.Pick(random, BenchVocabulary.StorySentences))
                    : SyntheticStory.Pick(random, BenchVocabulary.FillerSentences));
            }

            result.Add(string.Join(' ', sentences));
        }

        return result;
    }

    private static void Head(StringBuilder html, Random random, string site, string headline, string standfirst, string url, DateTimeOffset published, int style)
    {
        var title = WebUtility.HtmlEncode(headline);
        var description = WebUtility.HtmlEncode(standfirst);
        var date = published.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        html.Append(CultureInfo.InvariantCulture, $"<title>{title} | {site}</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<meta name=\"description\" content=\"{description}\">\n<link rel=\"canonical\" href=\"{url}\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<meta property=\"og:type\" content=\"article\"><meta property=\"og:title\" content=\"{title}\"><meta property=\"og:description\" content=\"{description}\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<meta property=\"og:site_name\" content=\"{site}\"><meta property=\"og:url\" content=\"{url}\"><meta property=\"og:image\" content=\"{url}/lead.jpg\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<meta property=\"article:published_time\" content=\"{date}\"><meta name=\"twitter:card\" content=\"summary_large_image\"><meta name=\"twitter:site\" content=\"@site\">\n");
        for (var i = 0; i < 8; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<link rel=\"preload\" as=\"font\" href=\"/static/fonts/font-{i}.woff2\" crossorigin><link rel=\"dns-prefetch\" href=\"//cdn{i}.example.net\">\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"{JsonEscape(headline)}\",\"datePublished\":\"{date}\",\"author\":{{\"@type\":\"Person\",\"name\":\"Staff Reporter\"}},\"publisher\":{{\"@type\":\"Organization\",\"name\":\"{site}\"}}}}</script>\n");
        html.Append("<style>\n");
        var rules = 60 + random.Next(200);
        for (var i = 0; i < rules; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $".{C(style, "c" + i)}{{margin:{random.Next(40)}px {random.Next(40)}px;padding:{random.Next(20)}px;color:#{random.Next(0xFFFFFF):x6};font-size:{12 + random.Next(12)}px}}\n");
        }

        html.Append("</style>\n<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-BENCH');</script>\n");
    }

    private static void Header(StringBuilder html, Random random, string site, int style)
    {
        html.Append("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n");
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"cookie-banner\" class=\"{C(style, "cookie-banner")}\" role=\"dialog\"><p>We use cookies to make this site work and to understand how you use it. You can accept all cookies or choose which ones to allow.</p><button class=\"btn accept\">Accept all cookies</button><button class=\"btn reject\">Reject optional cookies</button><a href=\"/cookies\">Cookie settings</a></div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<header class=\"{C(style, "site-header")}\"><div class=\"{C(style, "logo")}\"><a href=\"/\"><img src=\"/static/logo.svg\" alt=\"{site}\" width=\"160\" height=\"40\"></a></div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<form class=\"{C(style, "search")}\" action=\"/search\"><input type=\"search\" name=\"q\" placeholder=\"Search\"><button>Search</button></form>\n<nav class=\"{C(style, "nav")}\" aria-label=\"Main\"><ul>");
        foreach (var section in BenchVocabulary.NavSections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"{C(style, "nav-item")}\"><a href=\"/{section.ToLowerInvariant().Replace(' ', '-')}\">{section}</a><ul class=\"{C(style, "submenu")}\">");
            var children = 2 + random.Next(6);
            for (var i = 0; i < children; i++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/{section.ToLowerInvariant().Replace(' ', '-')}/{i}\">{section} {SyntheticStory.Pick(random, BenchVocabulary.Cities)}</a></li>");
            }

            html.Append("</ul></li>");
        }

        html.Append("</ul></nav></header>\n");
    }

    private static void Article(StringBuilder html, Random random, string headline, string standfirst, List<string> paragraphs, SyntheticStory story, string url, DateTimeOffset published, int style)
    {
        html.Append(CultureInfo.InvariantCulture, $"<nav class=\"{C(style, "breadcrumbs")}\"><a href=\"/\">Home</a> › <a href=\"/technology\">Technology</a> › <a href=\"/technology/ai\">AI</a></nav>\n");
        html.Append(CultureInfo.InvariantCulture, $"<main id=\"main\"><article class=\"{C(style, "article")}\">\n<h1 class=\"{C(style, "headline")}\">{WebUtility.HtmlEncode(headline)}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"{C(style, "standfirst")}\">{WebUtility.HtmlEncode(standfirst)}</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"{C(style, "byline")}\">By <a rel=\"author\" href=\"/authors/staff\">Staff Reporter</a> · <time datetime=\"{published:yyyy-MM-ddTHH:mm:ssZ}\">{published:d MMMM yyyy}</time></div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"{C(style, "share")}\"><a href=\"https://share.example/?u={url}\">Share</a> <a href=\"mailto:?subject=news\">Email</a> <button>Copy link</button></div>\n");
        html.Append(CultureInfo.InvariantCulture, $"<figure><img src=\"{url}/lead.jpg\" alt=\"Delegations in {story.City}\" width=\"1200\" height=\"675\" loading=\"lazy\"><figcaption>Delegations from {story.A} and {story.B} in {story.City}.</figcaption></figure>\n<div class=\"{C(style, "body")}\">\n");
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i > 0 && i % 6 == 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h2>{WebUtility.HtmlEncode(story.Fill(i % 12 == 0 ? "What the {P} covers" : "Reaction in {A} and {B}"))}</h2>\n");
            }

            if (i == 4)
            {
                html.Append(CultureInfo.InvariantCulture, $"<aside class=\"{C(style, "ad")}\"><div class=\"ad-slot\" data-slot=\"mpu-{random.Next(99)}\">Advertisement</div></aside>\n");
                html.Append(CultureInfo.InvariantCulture, $"<ul><li>{WebUtility.HtmlEncode(story.Fill("Joint work on {T}"))}</li><li>{WebUtility.HtmlEncode(story.Fill("A steering group meeting in {C}"))}</li><li>Annual public reports on progress</li></ul>\n");
            }

            if (i == 7)
            {
                html.Append(CultureInfo.InvariantCulture, $"<blockquote><p>{WebUtility.HtmlEncode(story.Fill("This partnership on {T} gives our researchers a real say in how the work is done."))}</p></blockquote>\n");
            }

            var text = WebUtility.HtmlEncode(paragraphs[i]);
            var cut = text.IndexOf(' ', Math.Min(text.Length - 1, 20 + random.Next(40)));
            html.Append(cut > 0
                ? $"<p>{text[..cut]} <a href=\"/technology/ai/{random.Next(99999)}\">{text[cut..Math.Min(text.Length, cut + 18)].Trim()}</a>{text[Math.Min(text.Length, cut + 18)..]}</p>\n"
                : $"<p>{text}</p>\n");
        }

        html.Append("</div>\n<ul class=\"tags\"><li><a href=\"/tag/ai\">AI</a></li><li><a href=\"/tag/diplomacy\">Diplomacy</a></li><li><a href=\"/tag/research\">Research</a></li></ul>\n</article>\n");
    }

    private static void Related(StringBuilder html, Random random, int feed, int item, int style)
    {
        html.Append(CultureInfo.InvariantCulture, $"<aside class=\"{C(style, "related")}\"><h2>Related stories</h2><ul>");
        for (var i = 0; i < 6; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/f{feed}/{(item + i + 1) * 7}/related\"><img src=\"/thumbs/{random.Next(9999)}.jpg\" alt=\"\"><span>{WebUtility.HtmlEncode(SyntheticStory.Pick(random, BenchVocabulary.FillerSentences))}</span></a></li>");
        }

        html.Append("</ul></aside>\n<section class=\"newsletter\"><h2>Sign up to our daily briefing</h2><form action=\"/subscribe\" method=\"post\"><input type=\"email\" name=\"email\" placeholder=\"Your email\"><button>Sign up</button></form><p>You can unsubscribe at any time.</p></section>\n</main>\n");
    }

    private static void Footer(StringBuilder html, Random random, string site, int style)
    {
        html.Append(CultureInfo.InvariantCulture, $"<footer class=\"{C(style, "site-footer")}\">");
        for (var column = 0; column < 4; column++)
        {
            html.Append("<div class=\"col\"><ul>");
            foreach (var section in BenchVocabulary.NavSections.Skip(column * 5).Take(5))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/{section.ToLowerInvariant().Replace(' ', '-')}?ref=footer-{random.Next(99)}\">{section}</a></li>");
            }

            html.Append("</ul></div>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"legal\">© 2026 {site}. All rights reserved. Registered office: 1 Example Street. <a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a> <a href=\"/accessibility\">Accessibility</a></p></footer>\n");
    }

    /// <summary>Class names in one of three styles sites use: BEM, utility-prefixed, or a CMS's plain names.</summary>
    private static string C(int style, string name) => style switch
    {
        0 => $"c-{name}__block",
        1 => $"tw-{name} flex mt-4 md:mt-8",
        _ => name,
    };

    private static string JsonEscape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
