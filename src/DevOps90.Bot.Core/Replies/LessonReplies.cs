using System.Collections.Immutable;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Localization;

namespace DevOps90.Bot.Core.Replies;

/// <summary>How a lesson reads in any reply: heading, topic, summary, key points, resources, links to its neighbours.</summary>
public static class LessonReplies
{
    public static Reply Lesson(BotText text, LessonLookup lookup, string requestedLanguage, int totalDays, string? heading = null, IEnumerable<ReplyParagraph>? notes = null)
    {
        var lesson = lookup.Lesson!;
        var curriculum = lookup.Curriculum!;
        var paragraphs = ImmutableArray.CreateBuilder<ReplyParagraph>();
        paragraphs.AddRange(notes ?? []);
        if (lookup.Status == LessonLookupStatus.FoundInFallbackLanguage)
        {
            paragraphs.Add(text.Format("Lesson.Fallback", lesson.Day, text.LanguageName(requestedLanguage), text.LanguageName(curriculum.Language)));
        }

        paragraphs.Add(lesson.Summary.Length > 0 ? lesson.Summary : text["Lesson.NoSummary"]);

        var fields = ImmutableArray.CreateBuilder<ReplyField>();
        if (lesson.Topic is { } topic)
        {
            fields.Add(new ReplyField(text["Lesson.Topic"], topic, Inline: true));
        }

        if (!lesson.KeyPoints.IsEmpty)
        {
            fields.Add(new ReplyField(text["Lesson.KeyPoints"], ReplyParagraph.List(lesson.KeyPoints.Select(point => (ReplyLine)point))));
        }

        return new Reply
        {
            Title = heading ?? text.Format("Lesson.Title", lesson.Day, lesson.Title),
            TitleUrl = lesson.LessonUrl,
            Paragraphs = paragraphs.ToImmutable(),
            Fields = fields.ToImmutable(),
            LinkLists = ResourceLinks(text, lesson),
            Buttons = Navigation(text, lesson),
            Footer = $"{text.Format("Lesson.DayOfTotal", lesson.Day, totalDays)} · {curriculum.Title}",
        };
    }

    public static ImmutableArray<ReplyLinkList> ResourceLinks(BotText text, Lesson lesson)
    {
        var links = lesson.Resources.Select(resource => new ReplyLink(resource.Title, resource.Url)).ToList();
        if (lesson.LessonUrl is { } url)
        {
            links.Add(new ReplyLink(text["Lesson.FullLesson"], url));
        }

        return links.Count == 0 ? [] : [new ReplyLinkList(text["Lesson.Resources"], [.. links])];
    }

    private static ImmutableArray<ReplyButton> Navigation(BotText text, Lesson lesson)
    {
        var buttons = ImmutableArray.CreateBuilder<ReplyButton>();
        if (lesson.PreviousDay is { } previous)
        {
            buttons.Add(new ReplyButton(text.Format("Lesson.Previous", previous), Command: $"{CommandNames.Day} {previous}"));
        }

        if (lesson.NextDay is { } next)
        {
            buttons.Add(new ReplyButton(text.Format("Lesson.Next", next), Command: $"{CommandNames.Day} {next}"));
        }

        return buttons.ToImmutable();
    }
}
