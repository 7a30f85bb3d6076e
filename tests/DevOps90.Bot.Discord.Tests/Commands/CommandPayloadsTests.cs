using System.Text.Json;
using System.Text.RegularExpressions;
using DevOps90.Bot.Discord.Commands;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Tests.Rendering;

namespace DevOps90.Bot.Discord.Tests.Commands;

public sealed partial class CommandPayloadsTests
{
    private readonly IReadOnlyList<ApplicationCommandPayload> _commands = CommandPayloads.Build(Replies.Commands(), 90);

    [Fact]
    public void Build_NamesAndDescriptions_FollowDiscordsRules()
    {
        var names = _commands.SelectMany(command => Texts(command.Name, command.NameLocalizations)
            .Concat((command.Options ?? []).SelectMany(option => Texts(option.Name, option.NameLocalizations))));
        var descriptions = _commands.SelectMany(command => Texts(command.Description, command.DescriptionLocalizations)
            .Concat((command.Options ?? []).SelectMany(option => Texts(option.Description, option.DescriptionLocalizations))));

        Assert.All(names, name => Assert.Matches(CommandName(), name));
        Assert.All(descriptions, description => Assert.InRange(description.Length, 1, 100));
    }

    [Fact]
    public void Build_DayOption_IsAnIntegerWithinTheCurriculumWithAutocomplete()
    {
        var option = Assert.Single(_commands.Single(command => command.Name == "day").Options!);

        Assert.Equal((4, true, true, 1, 90), (option.Type, option.Required, option.Autocomplete, option.MinValue, option.MaxValue));
        Assert.Equal("numero", option.NameLocalizations!["fr"]);
    }

    [Fact]
    public void Build_FrenchLocalisations_ArePresent()
    {
        var day = _commands.Single(command => command.Name == "day");

        Assert.Equal("jour", day.NameLocalizations!["fr"]);
        Assert.Equal("Afficher la leçon d'un jour", day.DescriptionLocalizations!["fr"]);
    }

    [Fact]
    public void Build_ModeratorCommand_IsHiddenByPermissionAndGuildOnly()
    {
        var status = _commands.Single(command => command.Name == "status");

        Assert.Equal(32, status.DefaultMemberPermissions);
        Assert.Equal([0], status.Contexts);
        Assert.Null(_commands.Single(command => command.Name == "day").DefaultMemberPermissions);
    }

    [Fact]
    public void Build_MemberOption_IsADiscordUserPicker()
    {
        var option = Assert.Single(_commands.Single(command => command.Name == "progress").Options!);

        Assert.Equal(6, option.Type);
        Assert.Equal("oublie-moi", _commands.Single(command => command.Name == "forget-me").NameLocalizations!["fr"]);
    }

    [Fact]
    public void Same_DiscordsAnswerWithItsOwnExtras_IsUnchanged()
    {
        var answer = JsonSerializer.SerializeToNode(_commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommandPayload)!.AsArray();
        foreach (var command in answer)
        {
            command!["id"] = "1";
            command["version"] = "2";
            command["application_id"] = "3";
            if (command["default_member_permissions"] is { } permissions)
            {
                command["default_member_permissions"] = permissions.ToJsonString();
            }
        }

        using var same = JsonDocument.Parse(answer.ToJsonString());
        answer[0]!["description"] = "changed";
        using var changed = JsonDocument.Parse(answer.ToJsonString());

        Assert.True(CommandRegistrar.Same(same.RootElement, _commands));
        Assert.False(CommandRegistrar.Same(changed.RootElement, _commands));
        Assert.False(CommandRegistrar.Same(JsonDocument.Parse("[]").RootElement, _commands));
    }

    private static IEnumerable<string> Texts(string text, IReadOnlyDictionary<string, string>? localisations) =>
        localisations is null ? [text] : [text, .. localisations.Values];

    [GeneratedRegex(@"^[-_\p{L}\p{N}]{1,32}$")]
    private static partial Regex CommandName();
}
