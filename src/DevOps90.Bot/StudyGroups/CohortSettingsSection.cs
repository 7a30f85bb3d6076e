using System.Globalization;
using System.Reflection;

namespace DevOps90.Bot.StudyGroups;

/// <summary>
/// Reads the "Cohorts" settings section into <see cref="CohortSettings"/> items by looking their keys up directly. The
/// configuration binder finds the children of each object and list it binds by scanning every key of every settings
/// source, so binding N cohorts costs N times all the keys: minutes at start for 10,000 cohorts in a settings file
/// (60,000 keys). Here the section's items are listed once, and every value is one look-up. A list's items are read
/// from index 0 up to the first missing one, as settings files and environment variables write them.
/// </summary>
internal static class CohortSettingsSection
{
    public const string Name = "Cohorts";

    private static readonly PropertyInfo[] _properties = typeof(CohortSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    public static List<CohortSettings> Read(IConfiguration configuration) =>
        [.. configuration.GetSection(Name).GetChildren().Select(ReadItem)];

    private static CohortSettings ReadItem(IConfigurationSection section)
    {
        var item = new CohortSettings();
        foreach (var property in _properties)
        {
            if (property.PropertyType == typeof(List<string>))
            {
                var list = (List<string>)property.GetValue(item)!;
                for (var index = 0; section[$"{property.Name}:{index}"] is { } value; index++)
                {
                    list.Add(value);
                }
            }
            else if (section[property.Name] is { } value)
            {
                var key = section.Path + ":" + property.Name;
                property.SetValue(item, property.PropertyType == typeof(bool) ? ParseBool(key, value)
                    : property.PropertyType == typeof(int) ? ParseInt(key, value)
                    : value);
            }
        }

        return item;
    }

    private static int ParseInt(string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new StartupSettingException(string.Create(CultureInfo.InvariantCulture, $"{key}: '{value}' is not a whole number"));

    private static bool ParseBool(string key, string value) =>
        bool.TryParse(value, out var parsed)
            ? parsed
            : throw new StartupSettingException(string.Create(CultureInfo.InvariantCulture, $"{key}: '{value}' is neither true nor false"));
}
