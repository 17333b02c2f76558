using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using NewsDesk.Benchmarking;

namespace NewsDesk.Commands;

/// <summary>
/// `bench load --url URL --duration 20s --concurrency 16`: a bounded load test of a running worker's read API
/// (docs/reliability.md). Exits 1 when any request failed, so a script or test can require zero errors.
/// </summary>
internal static class BenchLoadCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The worker's base URL, e.g. http://127.0.0.1:5000.", Required = true };
        var duration = new Option<TimeSpan>("--duration")
        {
            Description = "How long to apply load: 20s, 500ms, 2m or hh:mm:ss.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(20),
            CustomParser = ParseDuration,
        };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once (1-256).", DefaultValueFactory = _ => 16 };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "Limit for one request, body included; slower is an error.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(10),
            CustomParser = ParseDuration,
        };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this file." };
        var command = new Command("load", "Load-test a running worker's read API and report requests/s, latency and errors.") { url, duration, concurrency, timeout, json };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(url)!;
            var n = parse.GetValue(concurrency);
            if (!Uri.TryCreate(text, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
            {
                throw new UsageException($"--url {text} is not an absolute http(s) URL.");
            }

            if (n is < 1 or > 256)
            {
                throw new UsageException($"--concurrency {n} is not between 1 and 256.");
            }

            var report = await new LoadRun(baseUrl, n, parse.GetValue(duration), parse.GetValue(timeout)).RunAsync(ct).ConfigureAwait(false);
            Console.Write(report.Format());
            if (parse.GetValue(json) is { } path)
            {
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), ct).ConfigureAwait(false);
            }

            return report.Errors == 0 ? CommandLine.Success : CommandLine.Failure;
        });
        return command;
    }

    private static TimeSpan ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value.Trim();
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, double.NaN);
        if (!double.IsNaN(unit) && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return TimeSpan.FromSeconds(value * unit);
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }

        result.AddError($"{(result.Parent as OptionResult)?.Option.Name ?? "duration"}: \"{text}\" is not a duration such as 20s, 500ms, 2m or 00:00:20.");
        return default;
    }
}
