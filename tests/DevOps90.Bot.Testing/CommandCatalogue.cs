using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Core.Reminders;

namespace DevOps90.Bot.Testing;

/// <summary>
/// The commands the host registers, as the real handlers define them (built here on in-memory fakes), for adapter
/// tests that must check every command and option, such as Discord's payload contract. A copy of the definitions would
/// let a new option go unchecked; the host test <c>CommandCatalogueTests</c> keeps this list of handlers equal to the
/// host's, so a new command cannot either.
/// </summary>
public static class CommandCatalogue
{
    /// <summary>Every command, ordered by name, as the dispatcher lists them to the platforms.</summary>
    public static IReadOnlyList<CommandDefinition> Definitions()
    {
        var time = TimeProvider.System;
        var defaults = new BotDefaults("2022", "en", "Europe/Paris");
        var index = new CurriculumIndex([SampleCurriculum.Make("en", 6), SampleCurriculum.Make("fr", 3)]);
        var cohorts = new InMemoryCohortDirectory([]);
        var choices = new LessonChoices(index);
        var ledger = new InMemoryDeliveryLedger();
        IChatPublisher[] publishers = [new RecordingPublisher()];
        var delivery = new DailyPostService(
            cohorts, index, ledger, publishers, new DailyPostComposer(index, defaults), new DeliveryOptions(), time);
        var participation = new ParticipationService(new InMemoryParticipationStore(), delivery, time);
        var leaderboards = new LeaderboardMessages(
            cohorts, participation, new InMemoryLeaderboardMessageStore(), publishers, defaults);
        CommandDispatcher? dispatcher = null;
        // In the order the host registers them (StudyGroupSetup.AddStudyGroups).
        ICommandHandler[] handlers =
        [
            new DayCommand(index, choices),
            new TodayCommand(index),
            new TomorrowCommand(index),
            new ResourcesCommand(index, choices),
            new TopicsCommand(index),
            new SearchCommand(new LessonSearch(index)),
            new AboutCommand(index),
            new StatusCommand(cohorts, ledger, delivery, time),
            new DoneCommand(participation, choices),
            new UndoCommand(participation, choices),
            new ProgressCommand(participation),
            new LeaderboardCommand(participation),
            new ForgetMeCommand(participation, leaderboards),
            new ParticipationCommand(participation),
            new CohortCommand(new CohortRegistry(new InMemoryCohortStore(), time), defaults, time, leaderboards),
            new PageCommand(participation),
            new RemindCommand(new ReminderService(new InMemoryReminderStore(), time)),
            new CertificateCommand(),
            new ShareCommand(participation, new InMemoryShareStore(), ledger, publishers, defaults, time),
            new MilestonesCommand(new InMemoryMilestoneStore()),
            new HelpCommand(() => dispatcher!.Commands),
        ];
        dispatcher = new CommandDispatcher(handlers, cohorts, defaults, time);
        return [.. dispatcher.Commands];
    }
}
