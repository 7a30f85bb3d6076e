using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary><c>/day number</c>: one lesson, with a clear message when the day does not exist.</summary>
public sealed class DayCommand(CurriculumIndex index, LessonChoices choices) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.Day, [new CommandOption("number", OptionKind.Number, Required: true, Autocomplete: true, Min: 1)]);

    public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        var reply = DayOption.Resolve(index, scope, scope.Request.Option("number"), out var day) ?? Answer(scope, day);
        return ValueTask.FromResult(reply);
    }

    public IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed) =>
        optionName == "number" ? choices.Days(scope, typed) : [];

    private Reply Answer(RequestScope scope, int day)
    {
        var lookup = index.FindLesson(scope.CurriculumId, scope.Language, day);
        return LessonReplies.Lesson(scope.Text, lookup, scope.Language, DayOption.Total(index, scope));
    }
}
