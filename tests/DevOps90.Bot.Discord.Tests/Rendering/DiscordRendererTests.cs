using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Rendering;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Discord.Tests.Rendering;

public sealed class DiscordRendererTests
{
    [Theory]
    [InlineData(5, 300)]
    [InlineData(60, 900)]
    [InlineData(400, 8000)]
    public void Render_AnySize_StaysWithinEveryEmbedLimit(int resources, int summaryLength)
    {
        var message = DiscordRenderer.Render(SampleReplies.LongLesson(resources, summaryLength));

        var embed = Assert.Single(message.Embeds!);
        Assert.True(embed.Title!.Length <= DiscordLimits.EmbedTitle);
        Assert.True(embed.Description!.Length <= DiscordLimits.EmbedDescription, $"description {embed.Description.Length}");
        var total = embed.Title.Length + embed.Description.Length + embed.Footer!.Text.Length + embed.Fields!.Sum(field => field.Name.Length + field.Value.Length);
        Assert.True(total <= DiscordLimits.EmbedsTotal, $"total {total}");
        Assert.All(embed.Fields!, field => Assert.True(field.Value.Length <= DiscordLimits.FieldValue));
    }

    [Fact]
    public void Render_TooManyResources_EndsTheListWithHowManyMoreAndKeepsTheLessonLink()
    {
        var message = DiscordRenderer.Render(SampleReplies.LongLesson(resources: 400));

        var embed = message.Embeds![0];
        Assert.Matches(@"… and \d+ more in the full lesson$", embed.Description!);
        Assert.Equal("https://github.com/MichaelCade/90DaysOfDevOps/blob/main/2022/Days/day37.md", embed.Url);
    }

    [Theory]
    [InlineData(7, 30)]
    [InlineData(20, 12)]
    [InlineData(3, 200)]
    public void Render_LongTopic_ShortensEveryDaysListEvenlyAndDropsNoDay(int days, int linksPerDay)
    {
        var reply = SampleReplies.LongTopic(days, linksPerDay);

        var description = DiscordRenderer.Render(reply).Embeds![0].Description!;

        Assert.True(description.Length <= DiscordLimits.EmbedDescription, $"{description.Length} characters");
        var sections = description.Split("\n\n**", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(reply.LinkLists.Select(list => list.Heading), sections.Select(section => section.TrimStart('*').Split("**")[0]));
        var shown = sections.Select(section => section.Split('\n').Count(line => line.StartsWith("• ", StringComparison.Ordinal))).ToArray();
        Assert.All(shown, count => Assert.True(count >= 1, $"links per day: {string.Join(",", shown)}"));
        Assert.True(shown.Max() - shown.Min() <= 1, $"links per day: {string.Join(",", shown)}");
        Assert.All(sections, section => Assert.Matches(@"… and \d+ more in the full lesson$", section));
    }

    [Fact]
    public void Render_LongProse_IsCutAtASentenceWithAnEllipsis()
    {
        var message = DiscordRenderer.Render(SampleReplies.LongLesson(resources: 0, summaryLength: 9000) with { LinkLists = [], Moment = null });

        var description = message.Embeds![0].Description!;
        Assert.EndsWith("final. …", description, StringComparison.Ordinal);
        Assert.True(description.Length <= DiscordLimits.EmbedDescription);
    }

    [Fact]
    public void Render_LinkTitleWithBrackets_IsEscapedInsideTheLink()
    {
        var message = DiscordRenderer.Render(SampleReplies.LongLesson(resources: 1));

        Assert.Contains("• [Resource \\[1\\] with a fairly long title about Git](https://example.org/git/1?list=WL&index=1)", message.Embeds![0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NextPostMoment_UsesDiscordTimestampMarkup()
    {
        var description = DiscordRenderer.Render(SampleReplies.LongLesson()).Embeds![0].Description!;

        Assert.Contains("**Next post**: <t:1800000000:F> (<t:1800000000:R>)", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoRole_AllowsNoMention()
    {
        var message = DiscordRenderer.Render(SampleReplies.LongLesson());

        Assert.Null(message.Content);
        Assert.Empty(message.AllowedMentions!.Parse);
        Assert.Null(message.AllowedMentions.Roles);
    }

    [Fact]
    public void Render_RoleMention_MentionsOnlyThatRole()
    {
        var message = DiscordRenderer.Render(SampleReplies.LongLesson(), mentionRoleId: "42");

        Assert.Equal("<@&42>", message.Content);
        Assert.Empty(message.AllowedMentions!.Parse);
        Assert.Equal(["42"], message.AllowedMentions.Roles);
    }

    [Fact]
    public void Render_Buttons_FiveARowWithCommandIds()
    {
        var reply = SampleReplies.LongLesson() with { Buttons = [.. Enumerable.Range(1, 7).Select(day => new ReplyButton($"Day {day}", Command: $"day {day}"))] };

        var rows = DiscordRenderer.Render(reply).Components!;

        Assert.Equal([5, 2], rows.Select(row => row.Components.Count));
        Assert.Equal("cmd:day 6", rows[1].Components[0].CustomId);
        Assert.All(rows.SelectMany(row => row.Components), button => Assert.Equal(2, button.Style));
    }

    [Fact]
    public void Render_PrivateReply_IsEphemeral()
    {
        Assert.Equal(64, DiscordRenderer.Render(Reply.Error("no") with { Language = "en" }).Flags);
        Assert.Null(DiscordRenderer.Render(SampleReplies.LongLesson()).Flags);
    }

    [Theory]
    [InlineData("Short.", 10, "Short.")]
    [InlineData("First sentence here. Second sentence that is long.", 30, "First sentence here. …")]
    [InlineData("one two three four five six seven", 20, "one two three four…")]
    public void Cut_Text_EndsAtASentenceOrWord(string text, int limit, string expected)
    {
        var cut = TextCutter.Cut(text, limit);

        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= limit);
    }
}
