using System.Text.Json;
using System.Text.RegularExpressions;
using DevOps90.Bot.Discord.Commands;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Discord.Tests.Commands;

public sealed partial class CommandPayloadsTests
{
    private readonly IReadOnlyList<ApplicationCommandPayload> _commands = CommandPayloads.Build(CommandCatalogue.Definitions(), 90);

    [Fact]
    public void Build_NamesAndDescriptions_FollowDiscordsRules()
    {
        var options = _commands.SelectMany(command => AllOptions(command.Options)).ToList();
        var names = _commands.SelectMany(command => Texts(command.Name, command.NameLocalizations))
            .Concat(options.SelectMany(option => Texts(option.Name, option.NameLocalizations)));
        var descriptions = _commands.SelectMany(command => Texts(command.Description, command.DescriptionLocalizations))
            .Concat(options.SelectMany(option => Texts(option.Description, option.DescriptionLocalizations)));

        Assert.All(names, name => Assert.Matches(CommandName(), name));
        Assert.All(descriptions, description => Assert.InRange(description.Length, 1, 100));
    }

    [Fact]
    public void Build_EveryCommandAndOption_IsNamedAndDescribedInEveryLanguageTheBotSpeaks()
    {
        var missing = _commands.SelectMany(command => Missing(command.Name, command.NameLocalizations, command.DescriptionLocalizations)
            .Concat(AllOptions(command.Options).SelectMany(option => Missing($"{command.Name} {option.Name}", option.NameLocalizations, option.DescriptionLocalizations))));

        Assert.Empty(missing);
    }

    [Fact]
    public void Build_CommandNames_AreDistinctInEveryLocale()
    {
        var clashes = _commands
            .SelectMany(command => (command.NameLocalizations ?? new Dictionary<string, string>()).Select(pair => (Locale: pair.Key, Name: pair.Value)))
            .GroupBy(entry => entry)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key.Locale}: {group.Key.Name}");

        Assert.Empty(clashes);
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

    [Fact]
    public void Build_CommandWithSubcommands_OffersThemAsSubCommandOptionsWithTheirOwnOptions()
    {
        var participation = _commands.Single(command => command.Name == "participation");

        Assert.Equal(["summary", "export", "chart"], participation.Options!.Select(option => option.Name));
        Assert.All(participation.Options!, option => Assert.Equal(1, option.Type));
        var summary = participation.Options![0];
        Assert.Equal("Active members, check-ins per day, inactive members", summary.Description);
        Assert.Equal("resume", summary.NameLocalizations!["fr"]);
        var inactive = Assert.Single(summary.Options!);
        Assert.Equal((4, "Days without a check-in that make a member inactive (default 3)", 1, 90), (inactive.Type, inactive.Description, inactive.MinValue, inactive.MaxValue));
        Assert.Equal(["from", "to"], participation.Options![1].Options!.Select(option => option.Name));
        Assert.All(participation.Options![1].Options!, option => Assert.Equal((3, (int?)null), (option.Type, option.MinValue)));
        Assert.Null(participation.Options![2].Options);
        Assert.Equal(32, participation.DefaultMemberPermissions);
    }

    [Fact]
    public void Build_SubcommandShape_SerializesAsDiscordExpects()
    {
        var json = JsonSerializer.SerializeToNode(_commands.Single(command => command.Name == "participation"), DiscordJsonContext.Default.ApplicationCommandPayload)!;

        var export = json["options"]![1]!;
        Assert.Equal(1, export["type"]!.GetValue<int>());
        Assert.Equal("export", export["name"]!.GetValue<string>());
        Assert.Equal("to", export["options"]![1]!["name"]!.GetValue<string>());
        Assert.Null(export["min_value"]);
    }

    private static IEnumerable<ApplicationCommandOptionPayload> AllOptions(IReadOnlyList<ApplicationCommandOptionPayload>? options) =>
        (options ?? []).SelectMany(option => AllOptions(option.Options).Prepend(option));

    // Discord's locales for the bot's eleven languages (English is the default text itself).
    private static readonly string[] Locales = ["fr", "es-ES", "es-419", "ja", "ko", "pl", "pt-BR", "tr", "vi", "zh-CN", "zh-TW"];

    private static IEnumerable<string> Missing(string what, IReadOnlyDictionary<string, string>? names, IReadOnlyDictionary<string, string>? descriptions) =>
        Locales.Where(locale => names?.ContainsKey(locale) != true).Select(locale => $"{what}: no {locale} name")
            .Concat(Locales.Where(locale => descriptions?.ContainsKey(locale) != true).Select(locale => $"{what}: no {locale} description"));

    private static IEnumerable<string> Texts(string text, IReadOnlyDictionary<string, string>? localisations) =>
        localisations is null ? [text] : [text, .. localisations.Values];

    [GeneratedRegex(@"^[-_\p{L}\p{N}]{1,32}$")]
    private static partial Regex CommandName();
}
