using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Replies;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Core.Tests.Commands;

/// <summary>A cohort's own moderators (member ids, roles) may use moderator commands; nobody else is let in.</summary>
public sealed class CohortModeratorsTests
{
    private readonly CommandDispatcher _dispatcher;

    public CohortModeratorsTests()
    {
        var cohort = new Cohort
        {
            Id = new CohortId("group"),
            CurriculumId = "2022",
            StartDate = new DateOnly(2027, 1, 1),
            TimeZoneId = "Europe/Paris",
            Target = new ChatTarget("discord", "555"),
            Moderators = ["1400000000000000007", "role:42"],
        };
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        _dispatcher = new CommandDispatcher([new Secret()], new InMemoryCohortDirectory([cohort]), new BotDefaults("2022", "en", "Europe/Paris"), time);
    }

    [Theory]
    [InlineData("1400000000000000007", "", "moderator stuff")]
    [InlineData("1400000000000000008", "42", "moderator stuff")]
    [InlineData("1400000000000000008", "43", "/secret is for the study group's moderators.")]
    public async Task Dispatch_ModeratorCommand_LetsInTheCohortsModeratorsOnly(string member, string role, string expected)
    {
        var reply = await _dispatcher.DispatchAsync(new CommandRequest
        {
            Command = "secret",
            CohortId = new CohortId("group"),
            MemberId = member,
            MemberRoles = role.Length > 0 ? [role] : [],
            UserLocale = "en",
        });

        Assert.Equal(expected, Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public async Task Dispatch_SameMemberOutsideTheCohortsChannel_IsNotAModerator()
    {
        var reply = await _dispatcher.DispatchAsync(new CommandRequest { Command = "secret", MemberId = "1400000000000000007", UserLocale = "en" });

        Assert.True(reply.IsError);
    }

    private sealed class Secret : ICommandHandler
    {
        public CommandDefinition Definition { get; } = new("secret", [], ForModerators: true);

        public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Reply.Text("moderator stuff"));
    }
}
