using System.CommandLine;
using NewsDesk.Hosting;

namespace NewsDesk.Commands;

/// <summary>
/// `config check` validates every setting, the feed list and the taxonomy (exit 0 or 1, one line per problem naming
/// the key or file and field); `config show` prints the effective settings with secrets redacted. Both take the
/// worker's sources: appsettings.json, environment, then `--NewsDesk:Key=value` arguments.
/// </summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var check = new Command("check", "Validate all settings, feeds.json and the taxonomy/gazetteer; exit 0 if all are valid, 1 if not.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        check.SetAction(async (parse, ct) =>
        {
            using var host = NewsDeskHost.CreateTool(Overrides(parse));
            var ok = new List<string>();
            var errors = ConfigurationReport.Check(host.Services, ok);
            foreach (var line in ok)
            {
                await Console.Out.WriteLineAsync($"ok     {line}").ConfigureAwait(false);
            }

            foreach (var line in errors)
            {
                await Console.Error.WriteLineAsync($"error  {line}").ConfigureAwait(false);
            }

            await Console.Out.WriteLineAsync(errors.Count == 0 ? "configuration is valid" : $"configuration has {errors.Count} problem(s)").ConfigureAwait(false);
            return errors.Count == 0 ? CommandLine.Success : CommandLine.Failure;
        });

        var sources = new Option<bool>("--sources") { Description = "List each key set explicitly, with the source it came from (appsettings.json, environment, command line)." };
        var show = new Command("show", "Print the effective configuration as JSON, secrets (passwords, API keys, webhook URLs) redacted.") { sources };
        show.TreatUnmatchedTokensAsErrors = false;
        show.SetAction(async (parse, ct) =>
        {
            using var host = NewsDeskHost.CreateTool(Overrides(parse));
            var configuration = host.Services.GetRequiredService<IConfiguration>();
            if (parse.GetValue(sources))
            {
                foreach (var line in ConfigurationReport.Sources((IConfigurationRoot)configuration))
                {
                    await Console.Out.WriteLineAsync(line).ConfigureAwait(false);
                }
            }
            else
            {
                await Console.Out.WriteLineAsync(ConfigurationReport.Show(configuration)).ConfigureAwait(false);
            }

            return CommandLine.Success;
        });

        return new Command("config", "Check or show the configuration.") { check, show };
    }

    /// <summary>`--NewsDesk:Storage:Path=x` or `--NewsDesk:Storage:Path x` arguments, read as the worker's command-line configuration.</summary>
    private static Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var tokens = parse.UnmatchedTokens.ToArray();
        if (tokens.Length > 0 && !tokens[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"unexpected argument '{tokens[0]}'; settings are given as --NewsDesk:Section:Key=value");
        }

        return new ConfigurationBuilder().AddCommandLine(tokens).Build().AsEnumerable()
            .Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
    }
}
