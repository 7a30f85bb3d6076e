using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary><c>/search words</c>: the best matching lessons, in the member's language first.</summary>
public sealed class SearchCommand(LessonSearch search) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.Search, [new CommandOption("query", OptionKind.Text, Required: true)]);

    public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        var query = scope.Request.Option("query");
        if (query is null)
        {
            return ValueTask.FromResult(Reply.Error(scope.Text["Error.SearchEmpty"]));
        }

        var text = scope.Text;
        if (!LessonSearch.HasWords(query))
        {
            return ValueTask.FromResult(Reply.Error(text.Format("Search.NoWords", Quoted.Cap(query))));
        }

        var hits = scope.Index is { } index
            ? search.Search(index, scope.CurriculumId, scope.Language, query)
            : search.Search(scope.CurriculumId, scope.Language, query);
        var reply = hits.Count == 0
            ? Reply.Text(text.Format("Search.NoResults", Quoted.Cap(query)), isPrivate: true)
            : new Reply
            {
                Title = text.Format("Search.Title", Quoted.Cap(query)),
                Paragraphs = [ReplyParagraph.List(hits.Select(hit => Line(scope, hit)))],
                Buttons = [.. hits.Take(5).Select(hit => new ReplyButton(text.Format("Search.Button", hit.Lesson.Day), Command: $"{CommandNames.Day} {hit.Lesson.Day}"))],
            };
        return ValueTask.FromResult(reply);
    }

    private static ReplyLine Line(RequestScope scope, SearchHit hit)
    {
        var title = scope.Text.Format("Search.Result", hit.Lesson.Day, hit.Lesson.Title);
        var linked = hit.Lesson.LessonUrl is { } url ? ReplySpan.Link(title, url) : ReplySpan.Plain(title);
        return hit.Lesson.Topic is { } topic ? ReplyLine.Of(linked, " · " + topic) : linked;
    }
}
