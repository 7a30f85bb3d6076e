using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Core.Commands;

internal static class ScopedIndex
{
    /// <summary>
    /// The index a request started with, captured by the dispatcher; the library's current one for a scope made
    /// without it, which only tests do.
    /// </summary>
    public static CurriculumIndex IndexFor(this ContentLibrary content, RequestScope scope) => scope.Index ?? content.Current;
}
