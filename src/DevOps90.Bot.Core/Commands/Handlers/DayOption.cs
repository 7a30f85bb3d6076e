using System.Globalization;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>Reads a day option the way members type it, and says what is wrong in their language when it is.</summary>
internal static class DayOption
{
    /// <summary>Null when <paramref name="day"/> is a day of the curriculum with a lesson; else the error reply.</summary>
    public static Reply? Resolve(CurriculumIndex index, RequestScope scope, string? raw, out int day)
    {
        day = 0;
        var curriculum = index.FindBest(scope.CurriculumId, scope.Language);
        if (curriculum is null)
        {
            return Reply.Error(scope.Text.Format("Error.NoCurriculum", scope.CurriculumId));
        }

        var (first, last) = index.EditionRange(curriculum);
        if (raw is null)
        {
            return Reply.Error(scope.Text.Format("Error.DayMissing", first, last));
        }

        if (!int.TryParse(raw.TrimStart('#'), NumberStyles.Integer, CultureInfo.InvariantCulture, out day))
        {
            return Reply.Error(scope.Text.Format("Error.DayNotANumber", Quoted.Cap(raw), first, last));
        }

        if (day < first || day > last)
        {
            return Reply.Error(scope.Text.Format("Error.DayOutOfRange", day, first, last));
        }

        return index.FindLesson(scope.CurriculumId, scope.Language, day).IsFound
            ? null
            : Reply.Error(scope.Text.Format("Error.DayNotWritten", day));
    }

    /// <summary>How many days the edition has (the "of 90" in "day 2 of 90").</summary>
    public static int Total(CurriculumIndex index, RequestScope scope) =>
        index.FindBest(scope.CurriculumId, scope.Language) is { } curriculum ? index.EditionRange(curriculum).Last : 0;
}
