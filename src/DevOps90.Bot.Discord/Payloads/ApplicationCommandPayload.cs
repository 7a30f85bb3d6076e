namespace DevOps90.Bot.Discord.Payloads;

/// <summary>A slash command as registered with PUT /applications/{id}/commands (bulk overwrite).</summary>
public sealed record ApplicationCommandPayload
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    public IReadOnlyList<ApplicationCommandOptionPayload>? Options { get; init; }

    /// <summary>
    /// A permission bit set; only members holding one of them see the command. Discord's OpenAPI document types it
    /// as an integer (the API also reads it as a string, and answers with a string).
    /// </summary>
    public long? DefaultMemberPermissions { get; init; }

    /// <summary>0 = guild, 1 = bot DM, 2 = private channel.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }

    /// <summary>1 = CHAT_INPUT.</summary>
    public int Type { get; init; } = 1;
}

/// <summary>1 = SUB_COMMAND (with its own <see cref="Options"/>), 3 = STRING, 4 = INTEGER, 6 = USER.</summary>
public sealed record ApplicationCommandOptionPayload
{
    public required int Type { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    public bool? Required { get; init; }

    public bool? Autocomplete { get; init; }

    public int? MinValue { get; init; }

    public int? MaxValue { get; init; }

    /// <summary>A subcommand's options.</summary>
    public IReadOnlyList<ApplicationCommandOptionPayload>? Options { get; init; }
}
