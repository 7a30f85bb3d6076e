namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>IANA time zones as options take them (<c>/cohort zone</c>, <c>/remind zone:</c>): suggested and checked alike.</summary>
public static class ZoneChoices
{
    /// <summary>An IANA id ("Area/Location") the system knows; Windows names and bare abbreviations are refused.</summary>
    public static bool TryFind(string? value, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        return value is not null
            && value.Contains('/', StringComparison.Ordinal)
            && TimeZoneInfo.TryFindSystemTimeZoneById(value, out zone!);
    }

    /// <summary>The zones whose id contains what was typed, accents and case aside, in order.</summary>
    public static IReadOnlyList<AutocompleteChoice> Suggest(string typed)
    {
        var folded = TextFolding.Fold(typed.Trim());
        return [.. TimeZoneInfo.GetSystemTimeZones()
            .Select(zone => zone.Id)
            .Where(id => id.Contains('/', StringComparison.Ordinal) && TextFolding.Fold(id).Contains(folded, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(id => new AutocompleteChoice(id, id))];
    }
}
