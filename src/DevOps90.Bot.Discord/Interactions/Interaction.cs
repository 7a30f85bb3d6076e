using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace DevOps90.Bot.Discord.Interactions;

/// <summary>The interaction types this bot answers (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object).</summary>
public static class InteractionType
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int ApplicationCommandAutocomplete = 4;
}

/// <summary>What the bot reads of an interaction, from the gateway or the HTTP endpoint alike.</summary>
public sealed record Interaction
{
    /// <summary>SUB_COMMAND, the application command option type of a subcommand.</summary>
    private const int SubcommandOption = 1;

    public required Snowflake Id { get; init; }

    public required Snowflake ApplicationId { get; init; }

    public required int Type { get; init; }

    /// <summary>Valid 15 minutes for the callback and follow-ups; a secret: never logged.</summary>
    public required string Token { get; init; }

    public string? ChannelId { get; init; }

    /// <summary>
    /// For an interaction in a thread, the channel the thread belongs to (channel.parent_id): a cohort's daily post
    /// thread answers as its channel does. Null elsewhere.
    /// </summary>
    public string? ParentChannelId { get; init; }

    public string? GuildId { get; init; }

    public string? UserId { get; init; }

    /// <summary>member.nick, else user.global_name, else user.username: the name the server shows.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The member's permissions in the channel, a bit set as a decimal string (guild interactions only).</summary>
    public string? MemberPermissions { get; init; }

    /// <summary>The role ids of the member (member.roles), for the cohort's moderator roles.</summary>
    public ImmutableArray<string> MemberRoles { get; init; } = [];

    public string? Locale { get; init; }

    public string? GuildLocale { get; init; }

    public string? CommandName { get; init; }

    /// <summary>The subcommand chosen ("export" of /participation export); its options are in <see cref="Options"/>.</summary>
    public string? Subcommand { get; init; }

    public ImmutableDictionary<string, string> Options { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The option being typed, for autocomplete.</summary>
    public string? FocusedOption { get; init; }

    public string? CustomId { get; init; }

    /// <summary>Administrator (1 &lt;&lt; 3) or Manage Server (1 &lt;&lt; 5).</summary>
    public bool IsModerator =>
        ulong.TryParse(MemberPermissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && (bits & (1UL << 3 | 1UL << 5)) != 0;

    /// <summary>
    /// Reads an interaction object. Anything else (an array, a field of the wrong JSON type, a missing required field,
    /// an interaction other than PING without the user who caused it) is a <see cref="FormatException"/>.
    /// </summary>
    public static Interaction Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"the interaction is a JSON {root.ValueKind}, not an object");
        }

        var options = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        string? focused = null;
        string? subcommand = null;
        string? commandName = null;
        string? customId = null;
        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            commandName = String(data, "name");
            customId = String(data, "custom_id");
            ReadOptions(data, options, ref focused, ref subcommand);
        }

        var member = root.TryGetProperty("member", out var memberElement) && memberElement.ValueKind == JsonValueKind.Object ? memberElement : (JsonElement?)null;
        var user = member is { } m && m.TryGetProperty("user", out var memberUser) ? memberUser
            : root.TryGetProperty("user", out var directUser) ? directUser : (JsonElement?)null;
        var typeValue = root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number && type.TryGetInt32(out var number)
            ? number
            : throw new FormatException("the interaction has no type (an integer)");
        var userId = user is { } u ? String(u, "id") : null;
        if (typeValue != InteractionType.Ping && string.IsNullOrEmpty(userId))
        {
            // Discord sends member.user in a guild and user elsewhere; without either, nothing can be done on the
            // member's behalf (a check-in, a progress) and no reply can be private to them.
            throw new FormatException("the interaction has no user (neither member.user nor user)");
        }

        return new Interaction
        {
            Id = Snowflake.Parse(Required(root, "id")),
            ApplicationId = Snowflake.Parse(Required(root, "application_id")),
            Type = typeValue,
            Token = Required(root, "token"),
            ChannelId = String(root, "channel_id") ?? (root.TryGetProperty("channel", out var channel) ? String(channel, "id") : null),
            ParentChannelId = root.TryGetProperty("channel", out var inChannel) && IsThread(inChannel) ? String(inChannel, "parent_id") : null,
            GuildId = String(root, "guild_id"),
            UserId = userId,
            DisplayName = (member is { } named ? String(named, "nick") : null) ?? (user is { } person ? String(person, "global_name") ?? String(person, "username") : null),
            MemberPermissions = member is { } withPermissions ? String(withPermissions, "permissions") : null,
            MemberRoles = member is { } withRoles ? Roles(withRoles) : [],
            Locale = String(root, "locale"),
            GuildLocale = String(root, "guild_locale"),
            CommandName = commandName,
            Subcommand = subcommand,
            Options = options.ToImmutable(),
            FocusedOption = focused,
            CustomId = customId,
        };
    }

    /// <summary>ANNOUNCEMENT_THREAD (10), PUBLIC_THREAD (11), PRIVATE_THREAD (12) (https://discord.com/developers/docs/resources/channel#channel-object-channel-types).</summary>
    private static bool IsThread(JsonElement channel) =>
        channel.ValueKind == JsonValueKind.Object && channel.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number
        && type.TryGetInt32(out var kind) && kind is 10 or 11 or 12;

    private static ImmutableArray<string> Roles(JsonElement member) =>
        member.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array
            ? [.. roles.EnumerateArray().Where(role => role.ValueKind == JsonValueKind.String).Select(role => role.GetString()!)]
            : [];

    /// <summary>
    /// Reads the "options" of <paramref name="parent"/>. A SUB_COMMAND option names the subcommand and holds the
    /// options actually typed, one level down; they are flattened into the same dictionary, since a request has one
    /// subcommand at most. The bot declares no subcommand groups (type 2), so they are not looked into.
    /// </summary>
    private static void ReadOptions(JsonElement parent, ImmutableDictionary<string, string>.Builder options, ref string? focused, ref string? subcommand)
    {
        if (!parent.TryGetProperty("options", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var option in list.EnumerateArray())
        {
            if (String(option, "name") is not { } name)
            {
                continue;
            }

            if (option.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number && type.TryGetInt32(out var kind) && kind == SubcommandOption)
            {
                subcommand = name;
                ReadOptions(option, options, ref focused, ref subcommand);
                continue;
            }

            if (!option.TryGetProperty("value", out var value))
            {
                continue;
            }

            options[name] = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
            if (option.TryGetProperty("focused", out var isFocused) && isFocused.ValueKind == JsonValueKind.True)
            {
                focused = name;
            }
        }
    }

    private static string Required(JsonElement element, string name) =>
        String(element, name) ?? throw new FormatException($"the interaction has no {name}");

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
