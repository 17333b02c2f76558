using NewsDesk.Retagging;

namespace NewsDesk.Api;

/// <summary>
/// The worker's retag (POST /api/admin/retag): one at a time, in the background, through the worker's own store and
/// <see cref="Pipeline.GroupCommitter"/>, so polls and the retag take turns at storing. Stops with the worker; the
/// checkpoint it leaves lets the next retag, the worker's or the CLI's, continue.
/// </summary>
public sealed partial class BackgroundRetag(Retagger retagger, IHostApplicationLifetime lifetime, ILogger<BackgroundRetag> logger)
{
    private int _running;
    private RetagProgress? _progress;
    private string? _error;

    public bool IsRunning => Volatile.Read(ref _running) == 1;

    /// <summary>Starts a retag of <paramref name="scope"/> unless one is running, here or in any process sharing the store (then false).</summary>
    public bool TryStart(RetagScope scope)
    {
        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            return false;
        }

        // Taken before the answer, so a retag another process runs (a CLI's, another worker's) is a 409 too.
        var hold = retagger.TryHold();
        if (hold is null)
        {
            Volatile.Write(ref _running, 0);
            return false;
        }

        _progress = null;
        _error = null;
        _ = Task.Run(async () =>
        {
            try
            {
                await retagger.RunAsync(scope, p => _progress = p, lifetime.ApplicationStopping, held: hold).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // The worker is stopping; the checkpoint keeps the place.
            }
            catch (Exception ex)
            {
                // Reported by GET /api/admin/retag; the checkpoint keeps the place for a retry.
                _error = $"{ex.GetType().Name}: {ex.Message}";
                LogFailed(ex.GetType().Name, ex.Message);
            }
            finally
            {
                Volatile.Write(ref _running, 0);
            }
        });
        return true;
    }

    /// <summary>What GET /api/admin/retag shows: this run's progress, or the last checkpoint any run left.</summary>
    public object Status()
    {
        var running = IsRunning;
        var last = retagger.Last();
        var progress = _progress;
        return new
        {
            state = running ? "running" : _error is not null ? "failed" : last is null ? "never run" : last.Finished is null ? "stopped" : "finished",
            processed = running && progress is not null ? progress.Processed : last?.Summary.Processed ?? 0,
            total = running && progress is not null ? progress.Total : last?.Total ?? 0,
            resumed = progress?.Resumed ?? false,
            since = last?.Since,
            feed = last?.Feed,
            taxonomyVersion = last?.TaxonomyVersion,
            started = last?.Started,
            finished = last?.Finished,
            summary = last?.Summary,
            error = _error,
        };
    }

    [LoggerMessage(EventId = 2205, Level = LogLevel.Error, Message = "Retag through the API failed ({ErrorType}): {Error}")]
    private partial void LogFailed(string errorType, string error);
}
