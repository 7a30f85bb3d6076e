using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Core.Tests.Commands;

public sealed class CohortCommandTests : IDisposable
{
    private static readonly ChatTarget _channel = new("discord", "555");
    private readonly InMemoryCohortStore _store = new();
    private readonly CohortRegistry _registry;
    private readonly CommandDispatcher _dispatcher;
    private readonly List<CohortChange> _changes = [];

    public CohortCommandTests()
    {
        _registry = new(_store);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var defaults = new BotDefaults("2022", "en", "Europe/Paris");
        _dispatcher = new CommandDispatcher([new CohortCommand(_registry, defaults, time)], _registry, defaults, time);
        _registry.Changed += _changes.Add;
    }

    [Fact]
    public void Complete_ZoneWithNothingTyped_OffersEveryZoneSoThePlatformDecidesHowManyToShow()
    {
        var request = new CommandRequest { Command = "cohort", Options = ImmutableDictionary<string, string>.Empty.Add("action", "zone"), IsModerator = true };

        var choices = _dispatcher.Complete(request, "value", "");

        Assert.True(choices.Count > 25, $"{choices.Count} zones");
        Assert.Contains(choices, choice => choice.Value == "Europe/Paris");
    }

    [Fact]
    public async Task Create_InAChannel_MakesItsStudyGroupStartingTomorrow()
    {
        var reply = await Ask("en", "create", "paris-evenings");

        var cohort = Assert.Single(_registry.All);
        Assert.Equal((new CohortId("paris-evenings"), _channel, new DateOnly(2027, 1, 4)), (cohort.Id, cohort.Target, cohort.StartDate));
        Assert.StartsWith("Study group paris-evenings created for this channel: day 1 on Monday 4 January, posts at 18:00 (Europe/Paris)", Assert.Single(reply.Paragraphs).ToString(), StringComparison.Ordinal);
        Assert.Single(_changes);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("a-name-that-is-far-too-long-for-a-group")]
    public async Task Create_BadName_IsRefused(string name)
    {
        var reply = await Ask("en", "create", name);

        Assert.True(reply.IsError);
        Assert.Equal("A study group's name is 1 to 32 letters, digits, - or _.", Assert.Single(reply.Paragraphs));
        Assert.Empty(_registry.All);
    }

    [Fact]
    public async Task Create_SecondGroupInTheSameChannel_IsRefused()
    {
        await Ask("en", "create", "one");

        var reply = await Ask("fr", "create", "two");

        Assert.Equal("Ce salon suit déjà le groupe d'étude one.", Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public async Task Create_IdThatAnotherInstanceCreatedMeanwhile_IsRefused_NotOverwritten()
    {
        using var other = await OtherInstanceAsync();
        await other.CreateAsync(new Cohort { Id = new CohortId("group"), CurriculumId = "2022", StartDate = new DateOnly(2027, 2, 1), TimeZoneId = "Europe/Paris", Target = new ChatTarget("discord", "666") });

        var reply = await Ask("en", "create", "group");

        Assert.True(reply.IsError);
        Assert.Equal("The name group is taken by another study group.", Assert.Single(reply.Paragraphs));
        Assert.Equal(new ChatTarget("discord", "666"), Assert.Single(await _store.LoadAsync()).Cohort.Target);
        Assert.Equal(new ChatTarget("discord", "666"), _registry.Find(new CohortId("group"))!.Target);
    }

    [Fact]
    public async Task Create_ThisChannelsGroupCreatedMeanwhileOnAnotherInstance_SaysTheChannelHasIt()
    {
        using var other = await OtherInstanceAsync();
        await other.CreateAsync(new Cohort { Id = new CohortId("group"), CurriculumId = "2022", StartDate = new DateOnly(2027, 2, 1), TimeZoneId = "Europe/Paris", Target = _channel });

        var reply = await Ask("en", "create", "group");

        Assert.Equal("This channel already follows the study group group.", Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public async Task Channel_IntoAChannelThatHasAnotherGroup_IsRefusedAndNothingChanges()
    {
        await Ask("en", "create", "here");
        await _registry.CreateAsync(Elsewhere);
        var before = await _store.LoadAsync();

        var reply = await MoveHere("es", new CohortId("elsewhere"));

        Assert.True(reply.IsError);
        Assert.Equal("Ese canal ya tiene otro grupo de estudio activo: no se cambió nada. Archiva o elimina primero ese grupo, o mueve este a otro canal.", Assert.Single(reply.Paragraphs));
        Assert.Equal(before, await _store.LoadAsync());
        Assert.Equal(new ChatTarget("discord", "777"), _registry.Find(new CohortId("elsewhere"))!.Target);
    }

    [Fact]
    public async Task Channel_IntoAChannelAnotherInstanceGaveAGroupMeanwhile_IsRefusedByTheStoreAndNothingChanges()
    {
        await _registry.CreateAsync(Elsewhere);
        using var other = await OtherInstanceAsync();
        await other.CreateAsync(new Cohort { Id = new CohortId("here"), CurriculumId = "2022", StartDate = new DateOnly(2027, 2, 1), TimeZoneId = "Europe/Paris", Target = _channel });
        var before = await _store.LoadAsync();

        var reply = await MoveHere("en", new CohortId("elsewhere"));

        Assert.True(reply.IsError);
        Assert.Equal("That channel already has another active study group: nothing was changed. Archive or delete that group first, or move this one to another channel.", Assert.Single(reply.Paragraphs));
        Assert.Equal(before, await _store.LoadAsync());
        Assert.Equal(new ChatTarget("discord", "777"), _registry.Find(new CohortId("elsewhere"))!.Target);
    }

    [Fact]
    public async Task Channel_IntoAFreeChannel_MovesTheGroup()
    {
        await _registry.CreateAsync(Elsewhere);

        var reply = await MoveHere("en", new CohortId("elsewhere"));

        Assert.False(reply.IsError);
        Assert.Equal(_channel, _registry.Find(new CohortId("elsewhere"))!.Target);
    }

    [Fact]
    public async Task Time_WhileAnotherInstancePausedTheGroup_IsMadeOnThePausedVersion()
    {
        await Ask("en", "create", "group");
        using var other = await OtherInstanceAsync();
        await other.UpdateAsync(new CohortId("group"), cohort => cohort.PausedFrom(new DateOnly(2027, 1, 3)));

        var reply = await Ask("en", "time", "07:30");

        Assert.False(reply.IsError);
        var stored = Assert.Single(await _store.LoadAsync());
        Assert.Equal((new TimeOnly(7, 30), true, 3L), (stored.Cohort.PostTime, stored.Cohort.IsPaused, stored.Version));
    }

    [Fact]
    public async Task Pause_WhenAnotherInstancePausedTheGroupMeanwhile_SaysItIsPaused()
    {
        await Ask("en", "create", "group");
        using var other = await OtherInstanceAsync();
        await other.UpdateAsync(new CohortId("group"), cohort => cohort.PausedFrom(new DateOnly(2027, 1, 3)));

        var reply = await Ask("en", "pause");

        Assert.True(reply.IsError);
        Assert.Single(Assert.Single(await _store.LoadAsync()).Cohort.Pauses);
    }

    [Fact]
    public async Task Settings_EachAction_ChangesTheGroupAndAnnouncesIt()
    {
        await Ask("en", "create", "group");

        await Ask("en", "start", "2027-02-01");
        await Ask("en", "time", "07:30");
        await Ask("en", "zone", "America/New_York");
        await Ask("en", "language", "fr");
        await Ask("en", "cadence", "weekdays");
        await Ask("en", "skip", "2027-02-15");
        await Ask("en", "skip", "2027-02-16");
        await Ask("en", "skip", "2027-02-16");
        await Ask("en", "role", "42");
        await Ask("en", "leaderboard", "on");
        var shown = await Ask("en", "pause");

        var cohort = _registry.Find(new CohortId("group"))!;
        Assert.Equal(new DateOnly(2027, 2, 1), cohort.StartDate);
        Assert.Equal((new TimeOnly(7, 30), "America/New_York", "fr", "weekdays", "42"), (cohort.PostTime, cohort.TimeZoneId, cohort.Language, cohort.Cadence.ToString(), cohort.MentionRoleId));
        Assert.Equal([new DateOnly(2027, 2, 15)], cohort.SkippedDates);
        Assert.True(cohort.IsPaused);
        Assert.True(cohort.LeaderboardMessage);
        Assert.Equal(12, _changes.Count);
        // The group's language is now French, so its moderators are answered in French too.
        Assert.Equal("Enregistré : pause. Le calendrier suit immédiatement.", Assert.Single(shown.Paragraphs));
        Assert.StartsWith("en pause depuis le", shown.Fields.Single(field => field.Name == "État").Value.ToString(), StringComparison.Ordinal);
        Assert.Equal("activé (mis à jour après chaque publication)", shown.Fields.Single(field => field.Name == "Message de classement").Value);

        await Ask("en", "resume");
        Assert.False(_registry.Find(new CohortId("group"))!.IsPaused);
    }

    [Fact]
    public async Task Show_InFrench_SaysEverySettingInWords()
    {
        await Ask("en", "create", "group");
        await Ask("en", "language", "fr");

        // The group speaks French now, whatever the moderator's locale: the fields follow it.
        var values = (await Ask("en", "show")).Fields.Select(field => field.Value).ToList();

        Assert.Contains("tous les jours", values);
        Assert.Contains("18:00 Europe/Paris (la veille, avec la leçon du prochain jour d'étude)", values);
        Assert.Contains("aucune", values);
        Assert.Contains("français", values);
        Assert.DoesNotContain(values, value => value.ToString().Contains("NextStudyDay", StringComparison.Ordinal) || value == "daily" || value == "fr");
    }

    [Fact]
    public async Task Show_InEnglish_SaysEverySettingInWords()
    {
        await Ask("en", "create", "group");
        await Ask("en", "cadence", "mon,wed,fri");

        var values = (await Ask("en", "show")).Fields.Select(field => field.Value).ToList();

        Assert.Contains("Monday, Wednesday, Friday", values);
        Assert.Contains("18:00 Europe/Paris (the evening before, with the next study day's lesson)", values);
        Assert.Contains("none", values);
        Assert.Contains("each member's", values);
    }

    [Theory]
    [InlineData("start", "01/02/2027", "“01/02/2027” is not a date like 2027-01-04.")]
    [InlineData("time", "6pm", "“6pm” is not a time like 18:00.")]
    [InlineData("zone", "Paris", "“Paris” is not a time zone: type a city such as Europe/Paris and pick one.")]
    [InlineData("language", "de", "“de” is not a language: en, fr, es, ja, ko, pl, pt-br, tr, vi, zh-cn, zh-tw, or none to follow each member.")]
    [InlineData("cadence", "sometimes", "“sometimes” is not a cadence: daily, weekdays, or days such as mon,wed,fri.")]
    [InlineData("resume", null, "The study group is not paused.")]
    [InlineData("leaderboard", "sometimes", "“sometimes” is neither on nor off.")]
    [InlineData("frobnicate", null, "“frobnicate” is not an action: show, create, start, time, zone, curriculum, language, cadence, skip, role, pause, resume, channel, leaderboard, page, threads, milestones, milestone-role, freeze-every, freeze-max, archive, delete.")]
    public async Task Settings_BadValue_SaysWhatIsExpectedAndChangesNothing(string action, string? value, string message)
    {
        await Ask("en", "create", "group");
        var before = _registry.Find(new CohortId("group"))!;

        var reply = await Ask("en", action, value);

        Assert.True(reply.IsError);
        Assert.Equal(message, Assert.Single(reply.Paragraphs));
        Assert.True(CohortComparer.Same(before, _registry.Find(new CohortId("group"))!));
    }

    [Fact]
    public async Task Settings_UnknownActionInFrench_ListsEveryAction()
    {
        var reply = await Ask("fr", "frobnicate");

        Assert.Equal("« frobnicate » n'est pas une action : show, create, start, time, zone, curriculum, language, cadence, skip, role, pause, resume, channel, leaderboard, page, threads, milestones, milestone-role, freeze-every, freeze-max, archive, delete.", Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public async Task Settings_WithoutAGroupInTheChannel_SaysHowToCreateOne()
    {
        Assert.StartsWith("This channel has no study group yet", Assert.Single((await Ask("en", "show")).Paragraphs).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cohort_FromAMember_IsRefused()
    {
        var reply = await _dispatcher.DispatchAsync(new CommandRequest { Command = "cohort", Channel = _channel, UserLocale = "en" });

        Assert.Equal("/cohort is for the study group's moderators.", Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public void Complete_Zone_OffersIanaZonesMatchingWhatIsTyped()
    {
        var request = new CommandRequest { Command = "cohort", Options = ImmutableDictionary<string, string>.Empty.Add("action", "zone").Add("value", "paris") };

        var choices = _dispatcher.Complete(request, "value", "paris");

        Assert.Contains(choices, choice => choice.Value == "Europe/Paris");
        Assert.True(choices.Count <= 25);
    }

    /// <summary>Another instance's registry on the same store, loaded now.</summary>
    private async Task<CohortRegistry> OtherInstanceAsync()
    {
        var other = new CohortRegistry(_store);
        await other.InitializeAsync([]);
        return other;
    }

    private async Task<Reply> Ask(string language, string action, string? value = null)
    {
        var options = ImmutableDictionary<string, string>.Empty.Add("action", action);
        if (value is not null)
        {
            options = options.Add("value", value);
        }

        var here = _registry.FindByTarget(_channel);
        return await _dispatcher.DispatchAsync(new CommandRequest
        {
            Command = "cohort",
            Options = options,
            CohortId = here?.Id,
            Channel = _channel,
            IsModerator = true,
            UserLocale = language,
        });
    }

    /// <summary>A created group in channel 777.</summary>
    private static Cohort Elsewhere => new() { Id = new CohortId("elsewhere"), CurriculumId = "2022", StartDate = new DateOnly(2027, 2, 1), TimeZoneId = "Europe/Paris", Target = new ChatTarget("discord", "777") };

    /// <summary><c>/cohort channel</c> for a group named by the request (as the console does) typed in this channel.</summary>
    private Task<Reply> MoveHere(string language, CohortId group) => _dispatcher.DispatchAsync(new CommandRequest
    {
        Command = "cohort",
        Options = ImmutableDictionary<string, string>.Empty.Add("action", "channel"),
        CohortId = group,
        Channel = _channel,
        IsModerator = true,
        UserLocale = language,
    }).AsTask();

    public void Dispose() => _registry.Dispose();
}
