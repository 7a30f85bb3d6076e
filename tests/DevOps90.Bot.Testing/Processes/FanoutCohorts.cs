using System.Globalization;
using System.Text.Json.Nodes;

namespace DevOps90.Bot.Testing.Processes;

/// <summary>
/// N cohorts all due at one instant, each in a Discord channel of its own (so a fake Discord counts posts per cohort
/// by channel), in UTC: each starts the day after <see cref="Due"/>, so the post at that instant is its first
/// ("Tomorrow — Day 1") and nothing earlier is due when the bot starts.
/// </summary>
public sealed record FanoutCohorts(int Count, DateTimeOffset Due)
{
    private const long FirstChannel = 1_300_000_000_000_000_000L;

    /// <summary>The channel of cohort <paramref name="number"/> (1 to <see cref="Count"/>).</summary>
    public static string ChannelOf(int number) => (FirstChannel + number).ToString(CultureInfo.InvariantCulture);

    /// <summary>As settings on the command line (Cohorts:0:Id=…): for a few hundred cohorts.</summary>
    public IEnumerable<string> AsSettings() =>
        All().SelectMany((cohort, index) => cohort.Select(field => $"Cohorts:{index}:{field.Key}={field.Value}"));

    /// <summary>As a settings file's JSON ({"Cohorts":[…]}): for thousands, too many for a command line.</summary>
    public string AsJson() =>
        new JsonObject { ["Cohorts"] = new JsonArray([.. All().Select(cohort => new JsonObject(cohort.Select(field => KeyValuePair.Create(field.Key, (JsonNode?)field.Value))))]) }
            .ToJsonString();

    private IEnumerable<Dictionary<string, string>> All()
    {
        var start = DateOnly.FromDateTime(Due.UtcDateTime).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var postTime = Due.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        for (var number = 1; number <= Count; number++)
        {
            yield return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Id"] = $"fanout-{number:00000}",
                ["Curriculum"] = "2022",
                ["Language"] = "en",
                ["StartDate"] = start,
                ["TimeZone"] = "UTC",
                ["PostTime"] = postTime,
                ["Cadence"] = "daily",
                ["Target"] = $"discord:{ChannelOf(number)}",
            };
        }
    }
}
