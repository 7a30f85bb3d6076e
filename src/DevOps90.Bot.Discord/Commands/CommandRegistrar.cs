using System.Text.Json;
using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord.Commands;

/// <summary>
/// Registers the bot's commands with Discord by bulk overwrite, globally or in one guild, and only when what Discord
/// has differs from what the bot would send (each overwrite counts against a daily limit of command creations).
/// </summary>
public sealed partial class CommandRegistrar(
    IDiscordRestClient rest,
    CommandDispatcher dispatcher,
    ContentLibrary content,
    IOptions<DiscordOptions> options,
    ILogger<CommandRegistrar> logger) : IHostedService
{
    public enum Result
    {
        Unchanged,
        Registered,
    }

    public IReadOnlyList<ApplicationCommandPayload> Commands()
    {
        var lastDay = content.Current.Curricula.Where(curriculum => curriculum.Language == curriculum.DefaultLanguage).Select(curriculum => curriculum.LastDay).DefaultIfEmpty(90).Max();
        return CommandPayloads.Build(dispatcher.Commands, lastDay);
    }

    public async Task<Result> RegisterAsync(Snowflake? guildId, CancellationToken cancellationToken = default)
    {
        var application = Snowflake.Parse(options.Value.ApplicationId!);
        var scope = guildId?.ToString() ?? "global";
        var wanted = Commands();
        var current = await rest.GetCommandsAsync(application, guildId, cancellationToken).ConfigureAwait(false);
        if (Same(current, wanted))
        {
            LogUnchanged(logger, wanted.Count, scope);
            return Result.Unchanged;
        }

        await rest.BulkOverwriteCommandsAsync(application, guildId, wanted, cancellationToken).ConfigureAwait(false);
        LogRegistered(logger, wanted.Count, scope);
        return Result.Registered;
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.RegisterCommands ? RegisterOnceAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Registers where the settings say (one guild, or globally); a failure is logged, not thrown.</summary>
    public async Task RegisterOnceAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await RegisterAsync(Snowflake.TryParse(options.Value.GuildId, out var guild) ? guild : null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DiscordApiException or HttpRequestException)
        {
            // The bot still answers commands registered earlier; the next start or reload tries again.
            LogFailed(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Compares what Discord returns with what would be sent, on the fields the bot sets: Discord adds ids, versions
    /// and defaults to its answer, which must not count as a change.
    /// </summary>
    internal static bool Same(JsonElement current, IReadOnlyList<ApplicationCommandPayload> wanted)
    {
        if (current.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var wantedJson = JsonSerializer.SerializeToNode(wanted, DiscordJsonContext.Default.IReadOnlyListApplicationCommandPayload)!.AsArray();
        var existing = current.EnumerateArray().ToDictionary(command => command.GetProperty("name").GetString() ?? "", command => command);
        return wantedJson.Count == existing.Count && wantedJson.All(command =>
            existing.TryGetValue(command!["name"]!.GetValue<string>(), out var found) && Covers(JsonNode.Parse(found.GetRawText())!, command!));
    }

    /// <summary>True when every field of <paramref name="wanted"/> has the same value in <paramref name="actual"/>.</summary>
    private static bool Covers(JsonNode actual, JsonNode wanted) => wanted switch
    {
        JsonObject wantedObject => actual is JsonObject actualObject
            && wantedObject.All(pair => actualObject.TryGetPropertyValue(pair.Key, out var value) && value is not null && Covers(value, pair.Value!)),
        JsonArray wantedArray => actual is JsonArray actualArray && actualArray.Count == wantedArray.Count
            && wantedArray.Select((item, i) => Covers(actualArray[i]!, item!)).All(same => same),
        // Discord answers with permission bits as a string where the bot sent a number.
        _ => JsonNode.DeepEquals(actual, wanted) || Scalar(actual) == Scalar(wanted),
    };

    private static string Scalar(JsonNode node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord commands unchanged ({CommandCount}, {Scope})")]
    private static partial void LogUnchanged(ILogger logger, int commandCount, string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord commands registered ({CommandCount}, {Scope})")]
    private static partial void LogRegistered(ILogger logger, int commandCount, string scope);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord commands could not be registered")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
