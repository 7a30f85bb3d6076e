using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rendering;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord.Interactions;

/// <summary>
/// Answers an interaction, whichever transport brought it: PING with PONG, a command or a button with the rendered
/// reply, autocomplete with at most 25 choices. A reply not ready within the budget (Discord allows 3 seconds), or one
/// with files, is deferred and finished later as an edit of the original response. Whoever sends the callback tells
/// <see cref="DeferredReplies.CallbackSent"/> when it has gone.
/// </summary>
public sealed class InteractionProcessor(
    CommandDispatcher dispatcher,
    ICohortDirectory cohorts,
    DeferredReplies deferred,
    IOptions<DiscordOptions> settings,
    TimeProvider time)
{
    public const string Platform = "discord";

    /// <summary>Leaves room for the network within Discord's 3-second deadline.</summary>
    public TimeSpan ReplyBudget { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// The callback to send, or null for an interaction this bot does not handle: a type it does not know, or one
    /// without the user who caused it (<see cref="Interaction.Parse"/> refuses those; this guards the rest), or one
    /// that needs a deferred reply once the bot has begun to stop.
    /// </summary>
    public async Task<InteractionResponsePayload?> RespondAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        switch (interaction.Type)
        {
            case InteractionType.Ping:
                return new InteractionResponsePayload(InteractionCallbackType.Pong);
            case not InteractionType.Ping when string.IsNullOrEmpty(interaction.UserId):
                return null;
            case InteractionType.ApplicationCommandAutocomplete:
                return Complete(interaction);
            case InteractionType.ApplicationCommand when interaction.CommandName is { } name:
                return await RunAsync(interaction, Request(interaction, name, interaction.Options), forcePrivate: false, cancellationToken).ConfigureAwait(false);
            case InteractionType.MessageComponent when ButtonCommand(interaction) is { } request:
                // A button answers only the person who pressed it; the message everyone sees stays as it is.
                return await RunAsync(interaction, request, forcePrivate: true, cancellationToken).ConfigureAwait(false);
            default:
                return null;
        }
    }

    private async Task<InteractionResponsePayload?> RunAsync(Interaction interaction, CommandRequest request, bool forcePrivate, CancellationToken cancellationToken)
    {
        var work = RenderAsync(request, forcePrivate, cancellationToken);
        if (!work.IsCompleted)
        {
            // Nearly every reply is ready at once; only a slow one waits on a timer, which is cancelled when it is not needed.
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = Task.Delay(ReplyBudget, time, budget.Token);
            await Task.WhenAny(work, timer).ConfigureAwait(false);
            await budget.CancelAsync().ConfigureAwait(false);
        }

        if (!work.IsCompleted)
        {
            return Defer(interaction, work, forcePrivate || dispatcher.Find(request.Command)?.ForModerators == true);
        }

        var message = await work.ConfigureAwait(false);
        if (message.Files.Count == 0)
        {
            return new InteractionResponsePayload(InteractionCallbackType.ChannelMessageWithSource, InteractionCallbackDataPayload.From(message));
        }

        // Files travel only in a multipart body, which the JSON answer to Discord's HTTP request cannot be, and an
        // upload of megabytes has no place inside the callback's 3-second deadline anyway: defer, then upload.
        return Defer(interaction, work, message.Flags is { } flags && (flags & DiscordLimits.EphemeralFlag) != 0);
    }

    /// <summary>The deferring callback; null when the bot has begun to stop and takes no new work.</summary>
    private InteractionResponsePayload? Defer(Interaction interaction, Task<MessagePayload> work, bool isPrivate)
    {
        if (!deferred.TryEnqueue(new DeferredReply(interaction.Id, interaction.ApplicationId, interaction.Token, work)))
        {
            // A deferral now would promise a reply that the stopping bot might not keep: the member is told, as when
            // the bot is down, that it did not respond.
            return null;
        }

        return new InteractionResponsePayload(
            InteractionCallbackType.DeferredChannelMessageWithSource,
            new InteractionCallbackDataPayload { Flags = isPrivate ? DiscordLimits.EphemeralFlag : null });
    }

    private async Task<MessagePayload> RenderAsync(CommandRequest request, bool forcePrivate, CancellationToken cancellationToken)
    {
        var reply = await dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false);
        return DiscordRenderer.Render(forcePrivate ? reply with { IsPrivate = true } : reply, maxUploadBytes: settings.Value.MaxUploadBytes);
    }

    private InteractionResponsePayload Complete(Interaction interaction)
    {
        var choices = interaction is { CommandName: { } name, FocusedOption: { } option }
            ? dispatcher.Complete(Request(interaction, name, interaction.Options), option, interaction.Options.GetValueOrDefault(option, ""))
            : [];
        return new InteractionResponsePayload(
            InteractionCallbackType.ApplicationCommandAutocompleteResult,
            new InteractionCallbackDataPayload
            {
                Choices = [.. choices.Take(DiscordLimits.AutocompleteChoices).Select(choice => new AutocompleteChoicePayload(
                    TextCutter.Cut(choice.Name, DiscordLimits.ChoiceName),
                    TextCutter.Cut(choice.Value, DiscordLimits.ChoiceValue)))],
            });
    }

    /// <summary>
    /// A button's custom_id "cmd:day 3" is a command line in the one grammar every platform shares ("done 3",
    /// "forget-me confirm", "cohort archive:evenings"): /day with 3 as its first option.
    /// </summary>
    private CommandRequest? ButtonCommand(Interaction interaction)
    {
        if (interaction.CustomId is not { } customId || !customId.StartsWith("cmd:", StringComparison.Ordinal)
            || CommandGrammar.Parse(customId["cmd:".Length..], dispatcher.Find) is not { WantsSuggestions: false } typed)
        {
            return null;
        }

        return Request(interaction, typed.Command, typed.Options) with { Subcommand = typed.Subcommand };
    }

    private CommandRequest Request(Interaction interaction, string command, ImmutableDictionary<string, string> options) => new()
    {
        Command = command,
        Subcommand = interaction.Subcommand,
        Options = QualifyMembers(command, interaction.Subcommand, options),
        CohortId = ChannelOf(interaction) is { } channel ? cohorts.FindByTarget(channel)?.Id : null,
        Channel = ChannelOf(interaction),
        Community = interaction.GuildId,
        MemberId = DiscordMembers.MemberId(interaction.UserId!),
        DisplayName = interaction.DisplayName,
        IsModerator = interaction.IsModerator,
        MemberRoles = interaction.MemberRoles,
        UserLocale = interaction.Locale,
        ServerLocale = interaction.GuildLocale,
    };

    /// <summary>
    /// Where the command counts as typed: the channel, or for a thread (a daily post's, say) the channel it belongs
    /// to, so /done, /share and the Done button work inside it and no /cohort action takes the thread for the channel.
    /// </summary>
    private static ChatTarget? ChannelOf(Interaction interaction) =>
        (interaction.ParentChannelId ?? interaction.ChannelId) is { } channel ? new ChatTarget(Platform, channel) : null;

    /// <summary>
    /// Member options name Discord users: they become members of ours, as the caller is. Any other option typed as one
    /// mention ("&lt;@&amp;123&gt;" for a role, "&lt;#123&gt;" for a channel) becomes the bare id it names.
    /// </summary>
    private ImmutableDictionary<string, string> QualifyMembers(string command, string? subcommand, ImmutableDictionary<string, string> options)
    {
        var members = dispatcher.Find(command)?.OptionsOf(subcommand).Where(option => option.Kind == OptionKind.Member).Select(option => option.Name).ToHashSet() ?? [];
        foreach (var (name, value) in options)
        {
            if (value.Length > 0)
            {
                options = options.SetItem(name, members.Contains(name) ? DiscordMembers.FromOption(value) : DiscordMembers.BareReference(value));
            }
        }

        return options;
    }
}
