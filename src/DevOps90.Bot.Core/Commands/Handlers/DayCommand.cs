using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary><c>/day number</c>: one lesson, with a clear message when the day does not exist.</summary>
public sealed class DayCommand(ContentLibrary content, LessonChoices choices) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.Day, [new CommandOption("number", OptionKind.Number, Required: true, Autocomplete: true, Min: 1)]);

    public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        var reply = DayOption.Resolve(Index(scope), scope, scope.Request.Option("number"), out var day) ?? Answer(scope, day);
        return ValueTask.FromResult(reply);
    }

    public IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed) =>
        optionName == "number" ? choices.Days(scope, typed) : [];

    private Reply Answer(RequestScope scope, int day)
    {
        var lookup = Index(scope).FindLesson(scope.CurriculumId, scope.Language, day);
        return LessonReplies.Lesson(scope.Text, lookup, scope.Language, DayOption.Total(Index(scope), scope));
    }

    /// <summary>The index the request started with (see <see cref="RequestScope.Index"/>).</summary>
    private CurriculumIndex Index(RequestScope scope) => content.IndexFor(scope);
}
