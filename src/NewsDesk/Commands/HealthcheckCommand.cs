using System.CommandLine;

namespace NewsDesk.Commands;

/// <summary>
/// `healthcheck`: asks a running worker's /healthz and exits 0 or 1. The container's HEALTHCHECK uses it, because
/// the runtime image has no curl.
/// </summary>
internal static class HealthcheckCommand
{
    public static Command Create()
    {
        var url = new Option<string?>("--url") { Description = "Health URL (default: http://127.0.0.1:PORT/healthz, PORT from ASPNETCORE_HTTP_PORTS or ASPNETCORE_URLS, else 8080)." };
        var command = new Command("healthcheck", "Check that a running worker answers /healthz; exit 0 if healthy, 1 if not.") { url };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(url) ?? $"http://127.0.0.1:{LocalPort()}/healthz";
            if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new UsageException($"--url \"{target}\" is not an absolute http(s) URL.");
            }

            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await client.GetAsync(uri, ct).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"{target}: {(int)response.StatusCode}").ConfigureAwait(false);
                return response.IsSuccessStatusCode ? CommandLine.Success : CommandLine.Failure;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Console.Error.WriteLineAsync($"newsdesk: {target}: {ex.Message}").ConfigureAwait(false);
                return CommandLine.Failure;
            }
        });
        return command;
    }

    private static string LocalPort()
    {
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        if (!string.IsNullOrWhiteSpace(ports))
        {
            return ports.Split([',', ';'])[0].Trim();
        }

        var urls = Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        var first = urls?.Split(';')[0].Replace("+", "localhost", StringComparison.Ordinal).Replace("*", "localhost", StringComparison.Ordinal);
        return first is not null && Uri.TryCreate(first, UriKind.Absolute, out var uri) ? uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : "8080";
    }
}
