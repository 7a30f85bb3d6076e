using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;

namespace DevOps90.Bot.Core.Tests.Commands;

/// <summary><c>/cohort action [value]</c> typed by a moderator in <paramref name="channel"/>, as the platforms pass it on.</summary>
internal static class CohortRequests
{
    public static CommandRequest Moderator(ICohortDirectory cohorts, ChatTarget channel, string language, string action, string? value = null)
    {
        var options = ImmutableDictionary<string, string>.Empty.Add("action", action);
        return new CommandRequest
        {
            Command = "cohort",
            Options = value is null ? options : options.Add("value", value),
            CohortId = cohorts.FindByTarget(channel)?.Id,
            Channel = channel,
            IsModerator = true,
            UserLocale = language,
        };
    }
}
