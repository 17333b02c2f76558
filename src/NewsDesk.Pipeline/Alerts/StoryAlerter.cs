using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDesk.Desks;
using NewsDesk.Digests;
using NewsDesk.Digests.Delivery;
using NewsDesk.Storage;

namespace NewsDesk.Alerts;

/// <summary>
/// Checks newly ingested articles against each desk's alert rule and alerts a matching story once: a story already
/// alerted (or first seen in a feed's first-poll backlog) is recorded in <see cref="AlertState"/> and never alerted
/// again, across restarts. Later reports of it show as "developing" in the next digest instead.
/// </summary>
public sealed partial class StoryAlerter(INewsStore store, IOptions<DigestOptions> digest, IOptions<DeliveryOptions> delivery, IHttpClientFactory clients, TimeProvider time, ILogger<StoryAlerter> logger)
{
    // Articles are stamped when made and committed a little later; re-reading this far back catches a slow commit.
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Remembered = TimeSpan.FromDays(30);

    private readonly SemaphoreSlim _one = new(1, 1);

    public bool IsEnabled => digest.Value.Desks.Any(d => d.Alert is not null);

    /// <returns>How many alerts were sent.</returns>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        var desks = digest.Value.Desks.Where(d => d.Alert is not null).ToList();
        if (desks.Count == 0)
        {
            return 0;
        }

        await _one.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var state = AlertState.Load(store);
            var now = time.GetUtcNow();
            // Polls run at least a minute apart and checks every AlertInterval, so each feed's second poll is seen.
            foreach (var feed in store.FeedStates())
            {
                if (feed.LastSuccess is { } success)
                {
                    state.SawPoll(feed.Id, success);
                }
            }

            var sent = 0;
            // The first check ever starts now: what the store held before alerts were set up is not breaking news.
            var articles = state.Checked is { } since
                ? store.QueryHeadlines(new ArticleQuery { DateField = ArticleDateField.Ingested, Since = since - Overlap }).OrderBy(a => a.Ingested).ToList()
                : [];
            var sender = new AlertSender(clients.CreateClient(DigestDelivery.ClientName), delivery.Value.Smtp);
            foreach (var article in articles)
            {
                var story = article.StoryId ?? article.Id;
                var backlog = state.InFirstPoll(article.FeedId, article.Ingested);

                // Known by its story or by the article itself: a story id can be given or merged after the article is saved.
                foreach (var desk in desks.Where(d => !state.Knows(d.Id, story) && !state.Knows(d.Id, article.Id)))
                {
                    var alert = desk.Alert!;
                    if (backlog is not false && !alert.IncludeFirstPoll)
                    {
                        if (backlog is true)
                        {
                            // Seen in a backlog: a later report of it is not a new story either.
                            state.Record(desk.Id, story, article.Ingested);
                            state.Record(desk.Id, article.Id, article.Ingested);
                        }

                        // Undecided (its poll's end not seen yet): neither alerted nor recorded; a later check decides.
                        continue;
                    }

                    if (DeskFilter.Admit(alert.AsFilter(), article) is not { Tags.Length: > 0 } matched)
                    {
                        continue;
                    }

                    try
                    {
                        await sender.SendAsync(desk, alert, matched, ct).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is IOException or HttpRequestException or MailKit.CommandException or MailKit.ProtocolException or System.Net.Sockets.SocketException or TaskCanceledException)
                    {
                        // Not recorded: the next check tries the story again.
                        LogAlertFailed(desk.Id, story, ex.Message);
                        continue;
                    }

                    state.Record(desk.Id, story, article.Ingested);
                    state.Record(desk.Id, article.Id, article.Ingested);
                    // Saved after each alert, so a crash later in the run does not send it again.
                    state.Save(store);
                    sent++;
                    LogAlerted(desk.Id, story, article.Url);
                }
            }

            state.Checked = now;
            state.Prune(now - Remembered);
            state.Save(store);
            LogChecked(articles.Count, state.Stories.Values.Sum(s => s.Count), sent);
            return sent;
        }
        finally
        {
            _one.Release();
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Alert for desk {Desk}: story {StoryId} ({Url})")]
    private partial void LogAlerted(string desk, string storyId, string url);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Debug, Message = "Alert check: {Articles} articles read, {Known} stories and articles known, {Sent} alerts sent")]
    private partial void LogChecked(int articles, int known, int sent);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Error, Message = "Alert for desk {Desk}, story {StoryId} not sent: {Error}")]
    private partial void LogAlertFailed(string desk, string storyId, string error);
}
