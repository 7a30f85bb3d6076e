using System.Collections.Immutable;
using System.Globalization;
using DevOps90.Bot.Core;
using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.StudyGroups;

/// <summary>
/// Turns the "Cohorts" settings into cohorts, collecting one message per bad value that names its key
/// ("Cohorts:0:TimeZone: 'Paris' is not an IANA time zone ..."), so a start-up failure says exactly what to fix.
/// </summary>
public static class CohortSettingsReader
{
    public static (IReadOnlyList<Cohort> Cohorts, IReadOnlyList<string> Errors) Read(IReadOnlyList<CohortSettings> items, string defaultCurriculum)
    {
        var cohorts = new List<Cohort>();
        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var key = $"Cohorts:{i}";
            var before = errors.Count;
            void Fail(string field, string message) => errors.Add($"{key}:{field}: {message}");

            if (string.IsNullOrWhiteSpace(item.Id))
            {
                Fail("Id", "required");
            }
            else if (!ids.Add(item.Id))
            {
                Fail("Id", $"'{item.Id}' is used by another cohort");
            }

            if (!IsoDate.TryParse(item.StartDate, out var start))
            {
                Fail("StartDate", $"'{item.StartDate}' is not a date like 2027-01-01");
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(item.TimeZone, out _))
            {
                Fail("TimeZone", $"'{item.TimeZone}' is not an IANA time zone such as Europe/Paris");
            }

            if (!TimeOnly.TryParseExact(item.PostTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var postTime))
            {
                Fail("PostTime", $"'{item.PostTime}' is not a time like 18:00");
            }

            if (!Enum.TryParse<PostTiming>(item.PostTiming, ignoreCase: true, out var timing))
            {
                Fail("PostTiming", $"'{item.PostTiming}' is neither NextStudyDay nor SameDay");
            }

            if (!Cadence.TryParse(item.Cadence, out var cadence))
            {
                Fail("Cadence", $"'{item.Cadence}' is not daily, weekdays or a list of days such as mon,wed,fri");
            }

            var skipped = ImmutableSortedSet.CreateBuilder<DateOnly>();
            for (var j = 0; j < item.SkippedDates.Count; j++)
            {
                if (IsoDate.TryParse(item.SkippedDates[j], out var date))
                {
                    skipped.Add(date);
                }
                else
                {
                    Fail($"SkippedDates:{j}", $"'{item.SkippedDates[j]}' is not a date like 2027-01-01");
                }
            }

            DateOnly? pausedSince = null;
            if (!string.IsNullOrWhiteSpace(item.PausedSince))
            {
                if (IsoDate.TryParse(item.PausedSince, out var since))
                {
                    pausedSince = since;
                }
                else
                {
                    Fail("PausedSince", $"'{item.PausedSince}' is not a date like 2027-01-01");
                }
            }

            if (Core.Participation.FreezeSettings.Invalid(item.FreezeEvery, item.FreezeMax) is { } freezes)
            {
                var most = freezes == "FreezeEvery" ? Core.Participation.FreezeSettings.MostDaysPerFreeze : Core.Participation.FreezeSettings.MostHeld;
                Fail(freezes, $"must be a whole number from 0 (no streak freezes) to {most}");
            }

            var target = item.Target.Split(':', 2);
            if (target.Length != 2 || target.Any(string.IsNullOrWhiteSpace))
            {
                Fail("Target", $"'{item.Target}' is not platform:channel, e.g. console:console");
            }

            var milestones = Cohort.DefaultMilestones;
            if (!string.IsNullOrWhiteSpace(item.Milestones) && !Core.Coaching.CohortMilestones.TryParse(item.Milestones, out milestones))
            {
                Fail("Milestones", $"'{item.Milestones}' is not a list of days done like 7,30,60,90 (or none)");
            }

            if (errors.Count > before)
            {
                continue;
            }

            var cohort = new Cohort
            {
                Id = new CohortId(item.Id),
                CurriculumId = string.IsNullOrWhiteSpace(item.Curriculum) ? defaultCurriculum : item.Curriculum,
                Language = string.IsNullOrWhiteSpace(item.Language) ? null : item.Language,
                StartDate = start,
                TimeZoneId = item.TimeZone,
                PostTime = postTime,
                PostTiming = timing,
                Cadence = cadence,
                SkippedDates = skipped.ToImmutable(),
                Target = new ChatTarget(target[0], target[1]),
                MentionRoleId = string.IsNullOrWhiteSpace(item.MentionRole) ? null : item.MentionRole,
                LeaderboardMessage = item.LeaderboardMessage,
                PublicPage = item.Page,
                FreezeEvery = item.FreezeEvery,
                FreezeMax = item.FreezeMax,
                Threads = item.Threads,
                Milestones = milestones,
                MilestoneRoleId = string.IsNullOrWhiteSpace(item.MilestoneRole) ? null : item.MilestoneRole.Trim(),
                Moderators = [.. item.Moderators.Where(entry => !string.IsNullOrWhiteSpace(entry)).Select(entry => entry.Trim())],
            };
            cohorts.Add(pausedSince is { } pause ? cohort.PausedFrom(pause) : cohort);
        }

        return (cohorts, errors);
    }
}
