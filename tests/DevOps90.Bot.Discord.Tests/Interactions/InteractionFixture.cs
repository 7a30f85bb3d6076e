using System.Text.Json;
using DevOps90.Bot.Core.Background;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Discord.Interactions;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Discord.Tests.Interactions;

/// <summary>The real dispatcher on the sample curriculum, behind the interaction processor.</summary>
internal sealed class InteractionFixture
{
    public InteractionFixture(params ICommandHandler[] extraHandlers)
    {
        var index = new CurriculumIndex([SampleCurriculum.Make("en", 6), SampleCurriculum.Make("fr", 3)]);
        var choices = new LessonChoices(index);
        Cohorts = new InMemoryCohortDirectory([new Cohort
        {
            Id = new CohortId("guild-group"),
            CurriculumId = "2022",
            StartDate = new DateOnly(2027, 1, 1),
            TimeZoneId = "Europe/Paris",
            Target = new ChatTarget("discord", "555"),
        }]);
        Dispatcher = new CommandDispatcher(
            [new DayCommand(index, choices), new TodayCommand(index), new HelpCommand(() => []), .. extraHandlers],
            Cohorts,
            new BotDefaults("2022", "en", "Europe/Paris"),
            Time);
        Processor = new InteractionProcessor(Dispatcher, Cohorts, Deferred, Options.Create(Settings), Time) { ReplyBudget = TimeSpan.FromMilliseconds(200) };
    }

    /// <summary>A small upload limit, so that tests of it need no megabytes.</summary>
    public DiscordOptions Settings { get; } = new() { Token = "t", ApplicationId = "1200000000000000002", MaxUploadBytes = 64 * 1024 };

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2027-01-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public InMemoryCohortDirectory Cohorts { get; }

    public CommandDispatcher Dispatcher { get; }

    public DeferredReplies Deferred { get; } = new(new InFlightWork());

    public InteractionProcessor Processor { get; }

    public static Interaction Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Interaction.Parse(document.RootElement);
    }

    /// <summary>A slash command from a guild channel, as Discord sends it.</summary>
    public static string Command(string name, string optionsJson = "[]", string locale = "fr", string channel = "555", string permissions = "0") => $$"""
        {
          "id": "1100000000000000001", "application_id": "1200000000000000002", "type": 2, "token": "interaction-token-secret",
          "channel_id": "{{channel}}", "guild_id": "1300000000000000003", "locale": "{{locale}}", "guild_locale": "en-US",
          "member": { "permissions": "{{permissions}}", "user": { "id": "1400000000000000004", "username": "learner" } },
          "data": { "id": "1500000000000000005", "name": "{{name}}", "type": 1, "options": {{optionsJson}} }
        }
        """;
}
