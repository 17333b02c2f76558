using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// The real worker (`NewsDesk run`) as a child process on a free loopback port, configured through environment
/// variables. Its output is kept so a failing test can show it. Disposing kills it.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private WorkerProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
        Http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUri { get; }

    public HttpClient Http { get; }

    /// <summary>The worker's process id, for reading its /proc entries (peak memory).</summary>
    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the worker and waits until it answers /healthz.</summary>
    public static async Task<WorkerProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var baseUri = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "NewsDesk.dll"), "run"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = baseUri.AbsoluteUri.TrimEnd('/');
        var worker = new WorkerProcess(Process.Start(start)!, baseUri);
        worker._process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();

        var ct = TestContext.Current.CancellationToken;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (worker._process.HasExited)
            {
                throw new InvalidOperationException($"worker exited with {worker._process.ExitCode} before answering:\n{worker.Output}");
            }

            try
            {
                using var response = await worker.Http.GetAsync("healthz", ct);
                if (response.IsSuccessStatusCode)
                {
                    return worker;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, ct);
        }

        worker.Dispose();
        throw new TimeoutException("worker did not answer /healthz within 60 s");
    }

    /// <summary>Kills the worker (SIGKILL, as `kill -9`); disposing again after that does nothing.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
