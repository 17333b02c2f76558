namespace NewsDesk.Commands;

/// <summary>
/// The arguments every command takes, removed before the command line is parsed so that no command has to declare
/// them: settings (`--NewsDesk:Section:Key=value` or `--NewsDesk:Section:Key value`, as the worker's own command-line
/// configuration reads them) and `--verbose` (a failure's stack trace).
/// </summary>
internal sealed record GlobalArguments(string[] Rest, Dictionary<string, string?> Settings, bool Verbose)
{
    private const string SettingPrefix = "--NewsDesk:";

    public static GlobalArguments Extract(string[] args)
    {
        var rest = new List<string>();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var verbose = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--verbose")
            {
                verbose = true;
            }
            else if (arg.StartsWith(SettingPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var equals = arg.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    settings[arg[2..equals]] = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    settings[arg[2..]] = args[++i];
                }
                else
                {
                    throw new UsageException($"{arg} has no value; settings are given as --NewsDesk:Section:Key=value");
                }
            }
            else
            {
                rest.Add(arg);
            }
        }

        return new GlobalArguments([.. rest], settings, verbose);
    }
}
