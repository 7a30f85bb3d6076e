using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Slack.Rendering;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Slack.Tests.Rendering;

public sealed class SlackRendererTests
{
    [Fact]
    public void Render_Lesson_HeaderLinkProseFieldsLinksMomentFooterButtons()
    {
        var message = SlackRenderer.Render(SampleReplies.LongLesson(resources: 3, summaryLength: 200));

        Assert.Equal(["header", "context", "section", "section", "section", "section", "context", "context", "actions"], Types(message));
        Assert.Equal("Day 37 — Gitting to know Git", message.Blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("plain_text", message.Blocks[0]!["text"]!["type"]!.GetValue<string>());
        Assert.Equal($"<{SampleReplies.LessonUrl}|Read the full lesson>", Mrkdwn(message.Blocks[1]!["elements"]![0]!));
        Assert.Equal("*Topic*\nUse Git Effectively", Mrkdwn(message.Blocks[3]!["fields"]![0]!));
        Assert.Equal("*Key points*\n• one\n• two", Mrkdwn(message.Blocks[4]!["text"]!));
        Assert.StartsWith("*Resources*\n• <https://example.org/git/1?list=WL&amp;index=1|Resource [1] with a fairly long title about Git>", Mrkdwn(message.Blocks[5]!["text"]!), StringComparison.Ordinal);
        Assert.Equal("Day 37 of 90 · #90DaysOfDevOps (2022 edition)", Mrkdwn(message.Blocks[7]!["elements"]![0]!));
        Assert.All(message.Blocks.Where(block => block!["text"]?["type"]?.GetValue<string>() == "mrkdwn"), block => Assert.True(block!["text"]!["verbatim"]!.GetValue<bool>()));
    }

    [Theory]
    [InlineData(5, 300)]
    [InlineData(60, 900)]
    [InlineData(400, 8000)]
    [InlineData(2000, 40000)]
    public void Render_AnySize_StaysWithinEveryLimit(int resources, int summaryLength)
    {
        SlackLimitsCheck.AssertWithin(SlackRenderer.Render(SampleReplies.LongLesson(resources, summaryLength), "S0COHORT"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(300)]
    public void Render_EverythingTooBig_StaysWithinEveryLimit(int size)
    {
        var message = SlackRenderer.Render(SlackReplies.Monster(size), "S0COHORT");

        SlackLimitsCheck.AssertWithin(message, $"monster {size}");
        Assert.StartsWith("<!subteam^S0COHORT> :warning: ", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TooManyResources_EndsTheListWithHowManyMore()
    {
        var message = SlackRenderer.Render(SampleReplies.LongLesson(resources: 400));

        var sections = message.Blocks.Where(block => (string?)block!["type"] == "section" && block["text"] is not null).Select(block => Mrkdwn(block!["text"]!)).ToList();
        Assert.Single(sections, section => section.StartsWith("*Resources*", StringComparison.Ordinal));
        Assert.Matches(@"• <https://example.org/git/\d+\?list=WL&amp;index=\d+\|[^>]+>\n… and \d+ more in the full lesson$", sections[^1]);
        SlackLimitsCheck.AssertWithin(message);
    }

    [Theory]
    [InlineData(7, 30)]
    [InlineData(20, 12)]
    [InlineData(3, 200)]
    public void Render_LongTopic_ShortensEveryDaysListEvenlyAndDropsNoDay(int days, int linksPerDay)
    {
        var reply = SampleReplies.LongTopic(days, linksPerDay);

        var message = SlackRenderer.Render(reply);

        SlackLimitsCheck.AssertWithin(message);
        var all = string.Join("\n\n", message.Blocks.Where(block => (string?)block!["type"] == "section").Select(block => Mrkdwn(block!["text"]!)));
        var lists = all.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(reply.LinkLists.Select(list => $"*{list.Heading}*"), lists.Select(list => list.Split('\n')[0]));
        var shown = lists.Select(list => list.Split('\n').Count(line => line.StartsWith("• ", StringComparison.Ordinal))).ToArray();
        Assert.All(shown, count => Assert.True(count >= 1, $"links per day: {string.Join(",", shown)}"));
        Assert.True(shown.Max() - shown.Min() <= 1, $"links per day: {string.Join(",", shown)}");
        Assert.All(lists, list => Assert.Matches(@"… and \d+ more in the full lesson$", list));
    }

    [Fact]
    public void Render_LongProse_IsSplitIntoSectionsAndCutAtASentence()
    {
        var message = SlackRenderer.Render(SampleReplies.LongLesson(resources: 0, summaryLength: 20000) with { LinkLists = [], Fields = [] });

        var sections = message.Blocks.Where(block => (string?)block!["type"] == "section").Select(block => Mrkdwn(block!["text"]!)).ToList();
        Assert.True(sections.Count >= 2, $"{sections.Count} sections");
        Assert.All(sections, section => Assert.True(section.Length <= SlackLimits.SectionText));
        Assert.EndsWith("final. …", sections[^1], StringComparison.Ordinal);
        SlackLimitsCheck.AssertWithin(message);
    }

    [Fact]
    public void Render_NextPostMoment_UsesSlacksDateTokenWithAFallbackInTheReplysLanguageAndZone()
    {
        var reply = SampleReplies.LongLesson() with { Language = "fr", Moment = new ReplyMoment("Prochain message", new DateTimeOffset(2027, 1, 5, 17, 0, 0, TimeSpan.Zero), "Europe/Paris") };

        var moment = Mrkdwn(SlackRenderer.Render(reply).Blocks.Where(block => (string?)block!["type"] == "context").ElementAt(1)!["elements"]![0]!);

        Assert.Equal("*Prochain message*: <!date^1799168400^{date_long_pretty} {time}|mardi 5 janvier 2027 18:00 (Europe/Paris)>", moment);
    }

    [Fact]
    public void Render_UserGroup_MentionedAtTheStartOfTheTextAndOfTheFirstSectionOnly()
    {
        var message = SlackRenderer.Render(SampleReplies.LongLesson(), "S0COHORT");
        var plain = SlackRenderer.Render(SampleReplies.LongLesson());

        Assert.StartsWith("<!subteam^S0COHORT> Day 37 — Gitting to know Git\nGit keeps", message.Text, StringComparison.Ordinal);
        var texts = message.Blocks.SelectMany(block => SlackLimitsCheck.Texts(block!)).ToList();
        Assert.Single(texts, text => text.Contains("<!subteam^", StringComparison.Ordinal));
        Assert.StartsWith("<!subteam^S0COHORT> Git keeps", Mrkdwn(message.Blocks[2]!["text"]!), StringComparison.Ordinal);
        Assert.DoesNotContain("subteam", plain.Text + plain.Blocks.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!channel>")]
    [InlineData("S0|x")]
    [InlineData("s0lower")]
    public void Render_UserGroupIdThatIsNotOne_Throws(string group)
    {
        var exception = Assert.Throws<ArgumentException>(() => SlackRenderer.Render(SampleReplies.LongLesson(), group));

        Assert.Contains("not a Slack user group id", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Buttons_CommandsAsValuesWithUniqueActionIds_LinksAsUrls_AtMost25()
    {
        var reply = Reply.Text("Pick a day") with
        {
            Buttons = [.. Enumerable.Range(1, 30).Select(day => new ReplyButton($"Day {day}", Command: $"day {day}")), new ReplyButton("Lesson", Url: SampleReplies.LessonUrl)],
        };

        var actions = SlackRenderer.Render(reply).Blocks.Single(block => (string?)block!["type"] == "actions")!["elements"]!.AsArray();

        Assert.Equal(SlackLimits.ActionsElements, actions.Count);
        Assert.Equal("cmd-0", actions[0]!["action_id"]!.GetValue<string>());
        Assert.Equal("day 1", actions[0]!["value"]!.GetValue<string>());
        Assert.Equal("day 25", actions[24]!["value"]!.GetValue<string>());
        Assert.Equal(actions.Count, actions.Select(button => button!["action_id"]!.GetValue<string>()).Distinct().Count());

        var link = SlackRenderer.Render(Reply.Text("x") with { Buttons = [new ReplyButton("Lesson", Url: SampleReplies.LessonUrl), new ReplyButton("", Command: "help")] }).Blocks[^1]!["elements"]!;
        Assert.Equal(SampleReplies.LessonUrl, link[0]!["url"]!.GetValue<string>());
        Assert.Equal("url-0", link[0]!["action_id"]!.GetValue<string>());
        Assert.Null(link[0]!["value"]);
        Assert.Equal("help", link[1]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Render_Error_IsMarkedWithAWarning()
    {
        var message = SlackRenderer.Render(Reply.Error("There is no day 95.") with { Language = "en" });

        Assert.Equal(":warning: There is no day 95.", Mrkdwn(message.Blocks[0]!["text"]!));
        Assert.Equal(":warning: There is no day 95.", message.Text);
        Assert.True(message.IsPrivate);
    }

    [Fact]
    public void Render_Attachments_AreFilesNotBlocks()
    {
        var message = SlackRenderer.Render(Reply.Text("Your progress") with { Attachments = SlackReplies.Chart, Image = "progress.png", IsPrivate = true });

        Assert.Equal("progress.png", Assert.Single(message.Files).FileName);
        Assert.Equal(["section"], Types(message));
        Assert.DoesNotContain("progress.png", message.Blocks.ToJsonString(), StringComparison.Ordinal);
        Assert.True(message.IsPrivate);
    }

    [Fact]
    public void Render_EmptyReply_StillHasText()
    {
        var message = SlackRenderer.Render(new Reply());

        Assert.Equal("…", message.Text);
        Assert.Empty(message.Blocks);
    }

    private static List<string> Types(SlackMessage message) => [.. message.Blocks.Select(block => block!["type"]!.GetValue<string>())];

    private static string Mrkdwn(JsonNode textObject) => textObject["text"]!.GetValue<string>();
}
