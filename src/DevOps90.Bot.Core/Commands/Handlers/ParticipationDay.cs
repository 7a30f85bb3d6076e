using System.Globalization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>The optional day of /done and /undo: absent means the current lesson.</summary>
internal static class ParticipationDay
{
    public static bool TryRead(RequestScope scope, int lastDay, out int? day, out Reply error)
    {
        day = null;
        error = null!;
        if (scope.Request.Option("day") is not { } raw)
        {
            return true;
        }

        if (int.TryParse(raw.TrimStart('#'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            day = parsed;
            return true;
        }

        error = Reply.Error(scope.Text.Format("Error.DayNotANumber", raw, 1, lastDay));
        return false;
    }
}
