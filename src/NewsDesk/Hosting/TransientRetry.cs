using Microsoft.Extensions.Http.Resilience;
using NewsDesk.Fetching;
using Polly;

namespace NewsDesk.Hosting;

/// <summary>
/// The one retry policy for NewsDesk's outgoing HTTP, used by the feed fetcher and the digest webhook alike: two
/// retries at most, exponential from 1 s with jitter, for transient faults only. 429 and 503-with-Retry-After are left
/// to the caller (the feed scheduler's next attempt; a webhook that asks to wait is not hammered), and a request the
/// address guard refused is never retried. Each retry is logged with what failed and when it tries again.
/// </summary>
internal static partial class TransientRetry
{
    public const int MaxRetryAttempts = 2;

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TransientRetry).FullName!);
        var client = context.BuilderName;
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException e } => e.InnerException is not FetchException,
                { Result: { } r } => (int)r.StatusCode is 408 or 500 or 502 or 504,
                _ => false,
            }),
            OnRetry = args =>
            {
                var failure = args.Outcome.Exception?.Message ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                LogRetrying(logger, client, args.Context.GetRequestMessage()?.RequestUri?.Host ?? "?", failure, args.AttemptNumber + 1, MaxRetryAttempts, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        });
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "{Client}: request to {Host} failed ({Failure}); retry {Attempt} of {MaxAttempts} in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string client, string host, string failure, int attempt, int maxAttempts, TimeSpan delay);
}
