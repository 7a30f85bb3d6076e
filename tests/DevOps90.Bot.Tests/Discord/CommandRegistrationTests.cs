using System.Text.Json;
using System.Text.RegularExpressions;
using DevOps90.Bot.Cli;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests.Discord;

/// <summary>
/// What the host registers with Discord is the whole command catalogue, each command as Discord's rules allow
/// (https://discord.com/developers/docs/interactions/application-commands#application-command-object). Asserted
/// against the catalogue itself, not a count: adding a command passes, dropping or garbling one fails.
/// </summary>
public sealed partial class CommandRegistrationTests
{
    /// <summary>Discord's limits: 100 global commands, 25 options a command.</summary>
    private const int MaxCommands = 100;
    private const int MaxOptions = 25;

    [Fact]
    public async Task RegisterCommands_EveryCatalogueCommand_IsSentWithItsNameDescriptionAndOptions()
    {
        var (catalogue, sent) = await RegisterAsync();

        Assert.Equal(catalogue.Select(command => command.Name).Order(StringComparer.Ordinal), sent.Keys.Order(StringComparer.Ordinal));
        var english = BotText.For("en");
        Assert.All(catalogue, command =>
        {
            var json = sent[command.Name];
            Assert.Equal(english["Command." + command.Name], json.GetProperty("description").GetString());
            if (command.Subcommands.IsEmpty)
            {
                AssertOptions(command.Options, json);
                return;
            }

            Assert.Equal(command.Subcommands.Select(subcommand => subcommand.Name), Names(json));
            Assert.All(command.Subcommands, subcommand => AssertOptions(subcommand.Options, Options(json).Single(option => option.GetProperty("name").GetString() == subcommand.Name)));
        });
    }

    [Fact]
    public async Task RegisterCommands_NamesDescriptionsAndCounts_FollowDiscordsRules()
    {
        var (_, sent) = await RegisterAsync();
        var commands = sent.Values.ToList();
        var options = commands.SelectMany(AllOptions).ToList();

        Assert.InRange(commands.Count, 1, MaxCommands);
        Assert.All(commands.Concat(options), item =>
        {
            Assert.All(Texts(item, "name"), name => Assert.Matches(DiscordName(), name));
            Assert.All(Texts(item, "name"), name => Assert.Equal(name.ToLowerInvariant(), name));
            Assert.All(Texts(item, "description"), description => Assert.InRange(description.Length, 1, 100));
            Assert.InRange(Options(item).Count, 0, MaxOptions);
        });
        Assert.All(commands, command => Assert.Equal(Names(command).Count(), Names(command).Distinct().Count()));
    }

    private static async Task<(IReadOnlyList<CommandDefinition> Catalogue, Dictionary<string, JsonElement> Sent)> RegisterAsync()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = new TestHost(DiscordHostTests.DiscordSettings(discord.ApiBaseUrl));
        var catalogue = host.Services.GetRequiredService<CommandDispatcher>().Commands.ToList();

        await CommandsCommandLine.RegisterAsync(host.Services, "1300000000000000003", TextWriter.Null);

        var put = Assert.Single(discord.Requests, request => request.Method == "PUT");
        var commands = JsonDocument.Parse(put.Body).RootElement.Clone();
        return (catalogue, commands.EnumerateArray().ToDictionary(command => command.GetProperty("name").GetString()!));
    }

    private static void AssertOptions(IEnumerable<CommandOption> expected, JsonElement json)
    {
        var sent = Options(json).ToDictionary(option => option.GetProperty("name").GetString()!);
        Assert.Equal(expected.Select(option => option.Name), Names(json));
        Assert.All(expected, option =>
            Assert.Equal(option.Required, sent[option.Name].TryGetProperty("required", out var required) && required.GetBoolean()));
    }

    private static List<JsonElement> Options(JsonElement json) =>
        json.TryGetProperty("options", out var options) ? [.. options.EnumerateArray()] : [];

    private static IEnumerable<string?> Names(JsonElement json) => Options(json).Select(option => option.GetProperty("name").GetString());

    private static IEnumerable<JsonElement> AllOptions(JsonElement json) => Options(json).SelectMany(option => AllOptions(option).Prepend(option));

    /// <summary>The text and its localisations ("name" and "name_localizations").</summary>
    private static IEnumerable<string> Texts(JsonElement json, string field) =>
        new[] { json.GetProperty(field).GetString()! }.Concat(
            json.TryGetProperty(field + "_localizations", out var localised) && localised.ValueKind == JsonValueKind.Object
                ? localised.EnumerateObject().Select(pair => pair.Value.GetString()!)
                : []);

    // Discord's CHAT_INPUT name rule, without the Devanagari and Thai marks .NET's regex has no script class for.
    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex DiscordName();
}
