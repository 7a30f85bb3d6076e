using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Tests.Delivery;
using DevOps90.Bot.Testing;
using static DevOps90.Bot.Core.Tests.Delivery.DeliveryFixture;

namespace DevOps90.Bot.Core.Tests.Commands;

public sealed class HelpCommandTests
{
    private readonly CommandDispatcher _dispatcher;

    public HelpCommandTests()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-04"), "2027-01-06T19:00:00Z");
        var participation = new ParticipationService(new InMemoryParticipationStore(), bot.Service, bot.Time);
        CommandDispatcher? dispatcher = null;
        dispatcher = new CommandDispatcher(
            [new ProgressCommand(participation), new ParticipationCommand(participation), new HelpCommand(() => dispatcher!.Commands)],
            bot.Cohorts,
            new BotDefaults("2022", "en", "Europe/Paris"),
            bot.Time);
        _dispatcher = dispatcher;
    }

    [Fact]
    public async Task Help_ForAMember_LeavesModeratorCommandsOut()
    {
        var reply = await _dispatcher.DispatchAsync(new CommandRequest { Command = "help", UserLocale = "en" });

        Assert.Equal("Ask me about the #90DaysOfDevOps lessons:", reply.Paragraphs[0]);
        Assert.Equal(["/help — List the commands", "/progress [member] — Your progress in the study group"], reply.Paragraphs[1].ToString().Split('\n'));
        // The usage is a command to type, which each platform shows as code.
        Assert.Equal(ReplySpan.Code("/progress [member]"), reply.Paragraphs[1].Lines[1].Spans[0]);
        Assert.Equal(2, reply.Paragraphs.Length);
    }

    [Fact]
    public async Task Help_ForAModerator_AddsTheirCommands_OneLinePerSubcommand()
    {
        var reply = await _dispatcher.DispatchAsync(new CommandRequest { Command = "help", UserLocale = "fr", IsModerator = true });

        Assert.Equal("Pour les modérateurs :", reply.Paragraphs[2]);
        Assert.Equal(
            [
                "/participation summary [inactive] — Membres actifs, validations par jour, membres inactifs",
                "/participation export [from] [to] — Les validations en fichier CSV (une ligne par membre et par jour)",
                "/participation chart — Graphique des validations par jour avec les membres actifs",
            ],
            reply.Paragraphs[3].ToString().Split('\n'));
    }
}
