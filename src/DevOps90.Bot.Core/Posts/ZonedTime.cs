namespace DevOps90.Bot.Core.Posts;

/// <summary>Local wall-clock times in a zone, turned into instants without surprises on daylight-saving days.</summary>
public static class ZonedTime
{
    /// <summary>
    /// The instant of a local date and time. A time that does not exist (the spring gap) becomes the first instant
    /// after the gap, the moment the clocks jump (02:30 in Paris on that day is 03:00 local): the same instant a cron
    /// trigger fires at, so the scheduler and the planner agree. A time that exists twice (autumn) is the first one.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Gaps are at most a few hours long: walk back to the last minute before it; the jump comes one minute later.
            var before = local;
            do
            {
                before = before.AddMinutes(-1);
            }
            while (zone.IsInvalidTime(before));

            return new DateTimeOffset(before, zone.GetUtcOffset(before)).AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
