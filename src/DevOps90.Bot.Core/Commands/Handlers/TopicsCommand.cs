using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary><c>/topics</c>: the topics of the curriculum with their day ranges.</summary>
public sealed class TopicsCommand(ContentLibrary content) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.Topics, []);

    public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        var curriculum = Index(scope).FindBest(scope.CurriculumId, scope.Language);
        var reply = curriculum is null
            ? Reply.Error(scope.Text.Format("Error.NoCurriculum", scope.CurriculumId))
            : new Reply
            {
                Title = scope.Text["Topics.Title"],
                Paragraphs = [ReplyParagraph.Of(curriculum.Topics.Select(topic => (ReplyLine)Line(scope.Text, topic)))],
                Footer = curriculum.Title,
            };
        return ValueTask.FromResult(reply);
    }

    /// <summary>"Days 4–6: Containers", or "Day 1: Introduction" for a one-day topic.</summary>
    private static string Line(Localization.BotText text, Topic topic) =>
        topic.FirstDay == topic.LastDay
            ? text.Format("Topics.Day", topic.FirstDay, topic.Name)
            : text.Format("Topics.Line", topic.FirstDay, topic.LastDay, topic.Name);

    /// <summary>The index the request started with (see <see cref="RequestScope.Index"/>).</summary>
    private CurriculumIndex Index(RequestScope scope) => content.IndexFor(scope);
}
