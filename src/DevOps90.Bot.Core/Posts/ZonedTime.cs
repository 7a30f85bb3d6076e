namespace DevOps90.Bot.Core.Posts;

/// <summary>Local wall-clock times in a zone, turned into instants without surprises on daylight-saving days.</summary>
public static class ZonedTime
{
    /// <summary>
    /// The instant of a local date and time. A time that does not exist (the spring gap) moves forward by the gap,
    /// so a 02:30 post happens at 03:30 that day; a time that exists twice (autumn) is the first of the two.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var gap = zone.GetAdjustmentRules()
                .Where(rule => rule.DateStart <= local && rule.DateEnd >= local)
                .Select(rule => rule.DaylightDelta)
                .FirstOrDefault(TimeSpan.FromHours(1));
            local = local.Add(gap);
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
