using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Extraction;
using NewsDesk.Fetching;
using NewsDesk.Parsing;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>Issue #9: feeds and servers built to exhaust time or memory are refused quickly, with a reason.</summary>
public sealed class HostileContentTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(5);

    public static TheoryData<string> EntityBombs => new()
    {
        "billion-laughs",
        "quadratic-blowup",
        "external-entity",
    };

    [Theory]
    [MemberData(nameof(EntityBombs))]
    public void Entity_bombs_are_refused_fast_and_small(string kind)
    {
        var feed = Encoding.UTF8.GetBytes(kind switch
        {
            "billion-laughs" => BillionLaughs(),
            "quadratic-blowup" => QuadraticBlowup(),
            _ => """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>t</title><item><title>&xxe;</title><link>https://example.org/a</link></item></channel></rss>""",
        });
        var memoryBefore = GC.GetTotalAllocatedBytes(precise: false);
        var clock = Stopwatch.StartNew();
        ParsedFeed? parsed = null;
        try
        {
            parsed = new FeedParser().Parse(feed, "application/rss+xml", new Uri("https://example.org/feed"));
        }
        catch (FeedParseException)
        {
            // Refusing is the expected outcome.
        }

        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - memoryBefore;
        TestContext.Current.TestOutputHelper?.WriteLine($"{kind}: {feed.Length} bytes in, {(parsed is null ? "refused" : "parsed without expansion")} in {clock.ElapsedMilliseconds} ms, {allocated / 1024 / 1024} MiB allocated");
        Assert.True(clock.Elapsed < Fast, $"{kind} took {clock.Elapsed}");
        Assert.True(allocated < 200L * 1024 * 1024, $"{kind} allocated {allocated} bytes");
        var text = string.Join(" ", parsed?.Entries.Select(e => e.Title + " " + e.Summary) ?? []);
        Assert.True(text.Length < 100_000, $"{kind} expanded to {text.Length} characters");
        Assert.DoesNotContain("root:", text);
    }

    [Fact]
    public async Task Gzip_bomb_trickle_redirect_loop_and_non_feed_bodies_fail_with_a_reason()
    {
        var bomb = GzipOfZeros(64 * 1024 * 1024);
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/bomb", (HttpContext c) =>
            {
                c.Response.Headers.ContentEncoding = "gzip";
                return Results.Bytes(bomb, "application/rss+xml");
            });
            app.MapGet("/trickle", async (HttpContext c) =>
            {
                c.Response.ContentType = "application/rss+xml";
                await c.Response.WriteAsync("<?xml version=\"1.0\"?><rss>", c.RequestAborted);
                for (var i = 0; i < 60 && !c.RequestAborted.IsCancellationRequested; i++)
                {
                    await c.Response.WriteAsync(" ", c.RequestAborted);
                    await c.Response.Body.FlushAsync(c.RequestAborted);
                    await Task.Delay(500, c.RequestAborted);
                }
            });
            app.MapGet("/loop", () => Results.Redirect("/loop"));
            app.MapGet("/pdf", () => Results.Bytes(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF"), "application/pdf"));
            app.MapGet("/png", () => Results.Bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52], "image/png"));
        });
        var fetcher = TestFetcher.Create(new FetchOptions { AllowPrivateNetworks = true, Timeout = TimeSpan.FromSeconds(2), MaxResponseBytes = 4L * 1024 * 1024 });
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;

        var clock = Stopwatch.StartNew();
        var tooLarge = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(server.Url("bomb")), ct));
        output?.WriteLine($"gzip bomb ({bomb.Length} bytes → 64 MiB): {tooLarge.Kind} in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(FetchFailure.TooLarge, tooLarge.Kind);

        clock.Restart();
        var timeout = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(server.Url("trickle")), ct));
        output?.WriteLine($"trickling server: {timeout.Kind} after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(FetchFailure.Timeout, timeout.Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6));

        clock.Restart();
        var loop = await fetcher.FetchAsync(new FetchRequest(server.Url("loop")), ct);
        output?.WriteLine($"redirect loop: HTTP {(int)loop.Status} after {clock.ElapsedMilliseconds} ms");
        Assert.False(loop.IsSuccess);

        foreach (var path in new[] { "pdf", "png" })
        {
            var result = await fetcher.FetchAsync(new FetchRequest(server.Url(path)), ct);
            var feedError = Assert.Throws<FeedParseException>(() => new FeedParser().Parse(result.Body, result.ContentType, result.FinalUrl));
            var page = new ArticleExtractor().Extract(result.Body, result.ContentType, result.FinalUrl);
            output?.WriteLine($"{path} as a feed: refused ({feedError.Message}); as an article: {page.Text.Length} characters of text, article={page.IsArticle} ({page.NotArticleReason})");
            Assert.False(string.IsNullOrWhiteSpace(feedError.Message));
            Assert.False(page.IsArticle, $"{path} was taken for an article");
            Assert.False(string.IsNullOrWhiteSpace(page.NotArticleReason));
        }
    }

    private static string BillionLaughs()
    {
        var dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lololololololololol\">");
        for (var i = 1; i < 10; i++)
        {
            dtd.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        return $"""<?xml version="1.0"?>{dtd}]><rss version="2.0"><channel><title>laughs</title><item><title>&lol9;</title><link>https://example.org/a</link><description>&lol9;</description></item></channel></rss>""";
    }

    private static string QuadraticBlowup()
    {
        var big = new string('a', 100_000);
        var uses = string.Concat(Enumerable.Repeat("&a;", 20_000));
        return $"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{big}">]><rss version="2.0"><channel><title>q</title><item><title>q</title><link>https://example.org/a</link><description>{uses}</description></item></channel></rss>""";
    }

    private static byte[] GzipOfZeros(int size)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var written = 0; written < size; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return compressed.ToArray();
    }
}
