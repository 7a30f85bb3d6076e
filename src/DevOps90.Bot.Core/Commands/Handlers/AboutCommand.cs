using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary><c>/about</c>: what the bot is, and the credits and licence of the curriculum it serves.</summary>
public sealed class AboutCommand(ContentLibrary content) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.About, []);

    public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        var curriculum = Index(scope).FindBest(scope.CurriculumId, scope.Language);
        var fields = curriculum is null
            ? []
            : new[]
            {
                new ReplyField(scope.Text["About.Curriculum"], string.Join('\n', new[] { curriculum.Title, curriculum.Attribution, curriculum.SourceUrl }.OfType<string>())),
                new ReplyField(scope.Text["About.Licence"], curriculum.Licence ?? "-"),
            };
        return ValueTask.FromResult(new Reply
        {
            Title = scope.Text["About.Title"],
            Paragraphs = [scope.Text["About.Text"], scope.Text["About.Summaries"]],
            Fields = [.. fields],
        });
    }

    /// <summary>The index the request started with (see <see cref="RequestScope.Index"/>).</summary>
    private CurriculumIndex Index(RequestScope scope) => content.IndexFor(scope);
}
