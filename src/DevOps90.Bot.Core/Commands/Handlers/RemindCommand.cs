using System.Globalization;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Reminders;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// <c>/remind [at:20:30|off] [zone:America/New_York]</c>: a private message at that local time on each study day the
/// member has not checked in by then (in their zone, else the group's); <c>off</c> stops them; without options, what
/// is set. The member's language is kept for the message. Private.
/// </summary>
public sealed class RemindCommand(ReminderService reminders) : ICommandHandler
{
    private const string Off = "off";
    private static readonly string[] _timeFormats = ["H:mm", "HH:mm"];

    public CommandDefinition Definition { get; } = new(CommandNames.Remind, [
        new CommandOption("at", OptionKind.Text),
        new CommandOption("zone", OptionKind.Text, Autocomplete: true),
    ]);

    public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        var text = scope.Text;
        if (scope.Cohort is not { } cohort)
        {
            return Reply.Error(text["Error.NoCohort"]);
        }

        var member = scope.Request.MemberId;
        var at = scope.Request.Option("at");
        var zone = scope.Request.Option("zone");
        if (string.Equals(at, Off, StringComparison.OrdinalIgnoreCase))
        {
            await reminders.StopAsync(cohort, member, cancellationToken).ConfigureAwait(false);
            return Reply.Text(text["Remind.Stopped"], isPrivate: true);
        }

        if (zone is not null && !ZoneChoices.TryFind(zone, out _))
        {
            return Reply.Error(text.Format("Remind.Error.Zone", Quoted.Cap(zone)));
        }

        var existing = await reminders.FindAsync(cohort, member, cancellationToken).ConfigureAwait(false);
        TimeOnly time;
        if (at is not null)
        {
            if (!TimeOnly.TryParseExact(at, _timeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
            {
                return Reply.Error(text.Format("Remind.Error.Time", Quoted.Cap(at)));
            }
        }
        else if (existing is not null && zone is not null)
        {
            time = existing.At;
        }
        else
        {
            return Reply.Text(existing is null ? text["Remind.None"] : Describe(text, existing, cohort.TimeZoneId), isPrivate: true);
        }

        var language = scope.Request.UserLocale ?? scope.Request.ServerLocale ?? scope.Text.Language;
        var saved = await reminders.SetAsync(cohort, member, time, zone ?? existing?.TimeZoneId, language, cancellationToken).ConfigureAwait(false);
        return Reply.Text(Describe(text, saved, cohort.TimeZoneId), isPrivate: true);
    }

    public IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed) =>
        optionName == "zone" ? ZoneChoices.Suggest(typed) : [];

    private static string Describe(BotText text, Reminder reminder, string cohortZone)
    {
        var on = text.Format("Remind.On", reminder.At.ToString("HH:mm", CultureInfo.InvariantCulture), reminder.TimeZoneId ?? cohortZone);
        return reminder.BlockedAt is null ? on : on + "\n" + text["Remind.Blocked"];
    }
}
