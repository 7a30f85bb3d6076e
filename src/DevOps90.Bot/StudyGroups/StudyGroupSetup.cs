using DevOps90.Bot.Content;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Core.Reminders;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.StudyGroups;

public static class StudyGroupSetup
{
    /// <summary>Cohorts from settings (checked at start), the commands and their dispatcher, the daily post composer.</summary>
    public static IHostApplicationBuilder AddStudyGroups(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<BotOptions>()
            .Bind(builder.Configuration.GetSection(BotOptions.SectionName));
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsAttributeValidator>();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        // Not the binder: it takes minutes over thousands of cohorts (see CohortSettingsSection).
        services.AddOptionsWithValidateOnStart<CohortList>().Configure(list => list.Cohorts = CohortSettingsSection.Read(builder.Configuration));
        services.AddSingleton<IValidateOptions<CohortList>, CohortListValidator>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var bot = provider.GetRequiredService<IOptions<BotOptions>>().Value;
            var content = provider.GetRequiredService<IOptions<ContentOptions>>().Value;
            var storage = provider.GetRequiredService<IOptions<Storage.StorageOptions>>().Value;
            return new BotDefaults(content.DefaultCurriculum, bot.DefaultLanguage, bot.DefaultTimeZone, storage.InactiveCohortRetention);
        });
        services.AddSingleton<CohortRegistry>();
        services.AddSingleton<ICohortDirectory>(provider => provider.GetRequiredService<CohortRegistry>());
        services.AddSingleton<ConfiguredCohorts>();
        services.AddSingleton<CohortRetention>();

        services.AddSingleton<LessonChoices>();
        services.AddSingleton<LessonSearch>();
        services.AddSingleton<ICommandHandler, DayCommand>();
        services.AddSingleton<ICommandHandler, TodayCommand>();
        services.AddSingleton<ICommandHandler, TomorrowCommand>();
        services.AddSingleton<ICommandHandler, ResourcesCommand>();
        services.AddSingleton<ICommandHandler, TopicsCommand>();
        services.AddSingleton<ICommandHandler, SearchCommand>();
        services.AddSingleton<ICommandHandler, AboutCommand>();
        services.AddSingleton<ICommandHandler, StatusCommand>();
        services.AddSingleton<ParticipationService>();
        services.AddSingleton<LeaderboardMessages>();
        services.AddSingleton<ICommandHandler, DoneCommand>();
        services.AddSingleton<ICommandHandler, UndoCommand>();
        services.AddSingleton<ICommandHandler, ProgressCommand>();
        services.AddSingleton<ICommandHandler, LeaderboardCommand>();
        services.AddSingleton<ICommandHandler, ForgetMeCommand>();
        services.AddSingleton<ICommandHandler, ParticipationCommand>();
        services.AddSingleton<ICommandHandler, CohortCommand>();
        services.AddSingleton<ICommandHandler, PageCommand>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<ICommandHandler, RemindCommand>();
        services.AddSingleton<ICommandHandler, CertificateCommand>();
        services.AddSingleton<Core.Coaching.MilestoneService>();
        services.AddSingleton<ICommandHandler, ShareCommand>();
        services.AddSingleton<ICommandHandler, MilestonesCommand>();
        // Help lists the others, so it asks the dispatcher for them when it runs rather than at construction.
        services.AddSingleton<ICommandHandler>(provider => new HelpCommand(() => provider.GetRequiredService<CommandDispatcher>().Commands));
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<DailyPostComposer>();
        return builder;
    }
}
