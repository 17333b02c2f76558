using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Storage;

/// <summary>
/// Which store holds the articles (configuration section "NewsDesk:Storage"): the embedded LiteDB file (the default,
/// no server needed) or a PostgreSQL database shared by several workers.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "NewsDesk:Storage";

    /// <summary>`litedb` (default) or `postgres`.</summary>
    public string Provider { get; set; } = StorageProviders.LiteDb;

    [Required(ErrorMessage = "NewsDesk:Storage:Path is required.")]
    public string Path { get; set; } = "data/newsdesk.db";

    /// <summary>An Npgsql connection string, used when Provider is `postgres`. Its password is redacted by `config show`.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, StorageProviders.Postgres, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!StorageProviders.All.Contains(Provider, StringComparer.OrdinalIgnoreCase))
        {
            yield return new ValidationResult(
                $"NewsDesk:Storage:Provider must be one of {string.Join(", ", StorageProviders.All)}, not '{Provider}'.", [nameof(Provider)]);
        }
        else if (IsPostgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "NewsDesk:Storage:ConnectionString is required when NewsDesk:Storage:Provider is postgres (an Npgsql connection string: Host=…;Database=…;Username=…).",
                [nameof(ConnectionString)]);
        }
        else if (IsPostgres && ConnectionStringProblem(ConnectionString!) is { } problem)
        {
            yield return new ValidationResult($"NewsDesk:Storage:ConnectionString is not a valid Npgsql connection string: {problem}", [nameof(ConnectionString)]);
        }
    }

    /// <summary>Npgsql's own complaint about the string (a malformed pair, an unknown keyword, no host), or null.</summary>
    private static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host) ? "it names no Host." : null;
        }
        catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException or FormatException)
        {
            return ex.Message;
        }
    }
}
