using System.Collections;
using System.Reflection;

namespace NewsDesk.Hosting;

/// <summary>
/// Keys under "NewsDesk" that no options property reads (`Digest:Tiem`): the binder ignores them, so a typo would
/// otherwise leave the default in force without a word. Each key is walked down the options types' properties.
/// </summary>
public static class UnknownSettings
{
    public static IEnumerable<string> Find(IConfiguration configuration, IReadOnlyDictionary<string, Type> sections)
    {
        var root = configuration.GetSection(NewsDeskOptions.Section);
        foreach (var (key, value) in root.AsEnumerable(makePathsRelative: true))
        {
            // Only leaves: a parent key ("Digest") has no value of its own.
            if (value is null)
            {
                continue;
            }

            var path = key.Split(':');
            var known = sections.FirstOrDefault(s => s.Key.Equals(path[0], StringComparison.OrdinalIgnoreCase));
            var isKnown = known.Value is { } type ? Reads(type, path.AsSpan(1)) : Reads(typeof(NewsDeskOptions), path);
            if (!isKnown)
            {
                yield return $"{NewsDeskOptions.Section}:{key} is not a setting NewsDesk reads (a misspelt key?).";
            }
        }
    }

    private static bool Reads(Type type, ReadOnlySpan<string> path)
    {
        if (path.IsEmpty)
        {
            return true;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(Uri) || type == typeof(TimeSpan) || type == typeof(decimal))
        {
            return false;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return Reads(type.GetGenericArguments()[1], path[1..]);
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
            return int.TryParse(path[0], out _) && Reads(element, path[1..]);
        }

        var name = path[0];
        var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.SetMethod is { IsPublic: true } && p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        return property is not null && Reads(property.PropertyType, path[1..]);
    }
}
