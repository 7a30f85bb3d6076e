using System.Text.Json;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Commands;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rendering;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Discord.Tests.Contract;

/// <summary>Every JSON body the bot sends to Discord, against Discord's own schemas.</summary>
public sealed class PayloadContractTests
{
    [SkippableFact]
    public void DailyPost_WithNonceAndRoleMention_IsAValidMessageCreateRequest()
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);
        var message = DiscordRenderer.Render(SampleReplies.LongLesson(), mentionRoleId: "123456789012345678") with { Nonce = "d90-0123456789abcdef0123", EnforceNonce = true };

        var errors = DiscordContract.Errors("MessageCreateRequest", JsonSerializer.Serialize(message, DiscordJsonContext.Default.MessagePayload));

        Assert.Empty(errors);
    }

    [SkippableFact]
    public void DirectMessageChannel_And_Reminder_AreValidRequests()
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);
        var channel = JsonSerializer.Serialize(new DirectMessageChannelPayload("123456789012345678"), DiscordJsonContext.Default.DirectMessageChannelPayload);
        var reminder = DiscordRenderer.Render(Reply.Text("Your 12-day streak in group ends at 04:00 unless you check in."), mentionRoleId: null);

        Assert.Empty(DiscordContract.Errors("CreatePrivateChannelRequest", channel));
        Assert.Empty(DiscordContract.Errors("MessageCreateRequest", JsonSerializer.Serialize(reminder, DiscordJsonContext.Default.MessagePayload)));
    }

    [SkippableFact]
    public void ThreadOnTheDailyPost_IsAValidStartThreadFromMessageRequest()
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);
        var thread = new ThreadPayload(TextCutter.Cut("Jour 3 — " + new string('x', 200), ThreadPayload.MaxName), ThreadPayload.OneDay);

        var errors = DiscordContract.Errors("CreateTextThreadWithMessageRequest", JsonSerializer.Serialize(thread, DiscordJsonContext.Default.ThreadPayload));

        Assert.Empty(errors);
        Assert.NotEmpty(DiscordContract.Errors("CreateTextThreadWithMessageRequest", """{"name":"Jour 3","auto_archive_duration":42}"""));
    }

    [SkippableFact]
    public void CommandReply_Ephemeral_IsAValidMessageCallback()
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);
        var reply = DiscordRenderer.Render(SampleReplies.LongLesson() with { IsPrivate = true });
        var response = new InteractionResponsePayload(InteractionCallbackType.ChannelMessageWithSource, InteractionCallbackDataPayload.From(reply));

        Assert.Empty(DiscordContract.Errors("CreateMessageInteractionCallbackRequest", Json(response)));
    }

    [SkippableFact]
    public void DeferredReply_IsAValidMessageCallback()
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);
        var response = new InteractionResponsePayload(InteractionCallbackType.DeferredChannelMessageWithSource, new InteractionCallbackDataPayload { Flags = 64 });

        Assert.Empty(DiscordContract.Errors("CreateMessageInteractionCallbackRequest", Json(response)));
    }

    [SkippableFact]
    public void Pong_IsAValidCallback()
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);

        Assert.Empty(DiscordContract.Errors("PongInteractionCallbackRequest", Json(new InteractionResponsePayload(InteractionCallbackType.Pong))));
    }

    [SkippableFact]
    public void AutocompleteResult_IsAValidAutocompleteCallback()
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);
        var response = new InteractionResponsePayload(
            InteractionCallbackType.ApplicationCommandAutocompleteResult,
            new InteractionCallbackDataPayload { Choices = [new AutocompleteChoicePayload("2 — Responsabilités d'un Ingénieur DevOps", "2")] });

        Assert.Empty(DiscordContract.Errors("ApplicationCommandAutocompleteCallbackRequest", Json(response)));
    }

    [SkippableTheory]
    [InlineData("action", null)]
    [InlineData("value", "freeze-every")]
    [InlineData("value", "freeze-max")]
    public void CohortAutocomplete_EveryActionAndTheFreezeValues_AreValidAutocompleteCallbacks(string option, string? action)
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);
        var time = TimeProvider.System;
        var defaults = new Core.Commands.BotDefaults("2022", "en", "Europe/Paris");
        var registry = new Core.Cohorts.CohortRegistry(new InMemoryCohortStore(), time);
        var dispatcher = new Core.Commands.CommandDispatcher([new Core.Commands.Handlers.CohortCommand(registry, defaults, time)], registry, defaults, time);
        var options = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty;
        var request = new Core.Commands.CommandRequest { Command = "cohort", Options = action is null ? options : options.Add("action", action), IsModerator = true };

        var choices = dispatcher.Complete(request, option, "");
        var response = new InteractionResponsePayload(
            InteractionCallbackType.ApplicationCommandAutocompleteResult,
            new InteractionCallbackDataPayload { Choices = [.. choices.Select(choice => new AutocompleteChoicePayload(choice.Name, choice.Value))] });

        // Discord takes at most 25 choices: every action must still fit, or the last ones could never be picked.
        Assert.InRange(choices.Count, 1, 25);
        Assert.Equal(action is null, choices.Any(choice => choice.Value == "freeze-every") && choices.Any(choice => choice.Value == "freeze-max"));
        Assert.Empty(DiscordContract.Errors("ApplicationCommandAutocompleteCallbackRequest", Json(response)));
        registry.Dispose();
    }

    [SkippableFact]
    public void EditOriginal_IsAValidWebhookUpdate()
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);
        var message = DiscordRenderer.Render(SampleReplies.LongLesson());

        Assert.Empty(DiscordContract.Errors("IncomingWebhookUpdateRequestPartial", JsonSerializer.Serialize(message, DiscordJsonContext.Default.MessagePayload)));
    }

    [SkippableFact]
    public void CommandDefinitions_AreValidBulkOverwriteItems()
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);
        var commands = CommandPayloads.Build(CommandCatalogue.Definitions(), 90);

        Assert.All(commands, command =>
            Assert.Empty(DiscordContract.Errors("ApplicationCommandUpdateRequest", JsonSerializer.Serialize(command, DiscordJsonContext.Default.ApplicationCommandPayload))));
    }

    [SkippableFact]
    public void MessageWithFilesAndPicture_IsAValidMessageCreateRequest()
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);
        var message = DiscordRenderer.Render(Report());

        Assert.NotNull(message.Attachments);
        Assert.NotNull(message.Embeds![0].Image);
        Assert.Empty(DiscordContract.Errors("MessageCreateRequest", JsonSerializer.Serialize(message, DiscordJsonContext.Default.MessagePayload)));
    }

    [SkippableFact]
    public void EditOriginalWithFiles_IsAValidWebhookUpdate()
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);
        var message = DiscordRenderer.Render(Report());

        Assert.Empty(DiscordContract.Errors("IncomingWebhookUpdateRequestPartial", JsonSerializer.Serialize(message, DiscordJsonContext.Default.MessagePayload)));
    }

    [SkippableFact]
    public void CallbackWithFiles_IsAValidMessageCallback()
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);
        var response = new InteractionResponsePayload(InteractionCallbackType.ChannelMessageWithSource, InteractionCallbackDataPayload.From(DiscordRenderer.Render(Report())));

        Assert.Empty(DiscordContract.Errors("CreateMessageInteractionCallbackRequest", Json(response)));
    }

    [SkippableFact]
    public void CommandWithSubcommands_IsAValidBulkOverwriteItem()
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);
        var participation = CommandPayloads.Build(CommandCatalogue.Definitions(), 90).Single(command => command.Name == "participation");
        var json = JsonSerializer.Serialize(participation, DiscordJsonContext.Default.ApplicationCommandPayload);

        Assert.All(participation.Options!, option => Assert.Equal(1, option.Type));
        Assert.Empty(DiscordContract.Errors("ApplicationCommandUpdateRequest", json));
        // A subcommand takes no min_value: the strict schemas reach into the nested options too.
        Assert.NotEmpty(DiscordContract.Errors("ApplicationCommandUpdateRequest", json.Replace("\"type\":1", "\"type\":1,\"min_value\":1", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public void Contract_MisspeltField_IsCaught()
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);

        Assert.NotEmpty(DiscordContract.Errors("MessageCreateRequest", """{"content":"hi","allowed_mention":{"parse":[]}}"""));
        Assert.NotEmpty(DiscordContract.Errors("MessageCreateRequest", """{"embeds":[{"title":5}]}"""));
    }

    private static Reply Report() => new()
    {
        Title = "Participation — guild-group",
        Paragraphs = ["1,234 check-ins exported (2027-01-01 to 2027-01-31), one row per member and lesson day."],
        Attachments =
        [
            new ReplyAttachment("participation-2027-01.csv", ReplyAttachment.Csv, "member,day\n1,1\n"u8.ToArray(), "Check-ins"),
            new ReplyAttachment("chart.png", ReplyAttachment.Png, new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "Check-ins per day"),
        ],
        Image = "chart.png",
        IsPrivate = true,
        Language = "en",
    };

    private static string Json(InteractionResponsePayload response) =>
        JsonSerializer.Serialize(response, DiscordJsonContext.Default.InteractionResponsePayload);
}
