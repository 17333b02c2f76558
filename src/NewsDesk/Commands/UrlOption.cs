using System.CommandLine;

namespace NewsDesk.Commands;

/// <summary>
/// An option whose value is an absolute http(s) URL. System.CommandLine 3 has no converter for <see cref="Uri"/>, so a
/// plain <c>Option&lt;Uri?&gt;</c> fails on every value; this parses it and names the option when it is not a URL.
/// </summary>
internal static class UrlOption
{
    public static Option<Uri?> Create(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            {
                return url;
            }

            result.AddError($"{name} '{text}' must be an absolute http(s) URL, such as https://example.org/feed.");
            return null;
        },
    };
}
