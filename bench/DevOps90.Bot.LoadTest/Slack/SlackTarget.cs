namespace DevOps90.Bot.LoadTest.Slack;

/// <summary>
/// <c>/devops90 day N</c> forms, each with its own trigger_id: days go round 1-90, users round the bench members and,
/// every round of users, the channel changes between the study group's and another, so the host answers every lesson
/// in English (a quarter) and French.
/// </summary>
internal sealed class SlackTarget(SlackCommandForms forms, int users) : ILoadTarget
{
    public string? NotedLabel => "in French";

    public SignedRequest Next(int worker, long n)
    {
        var channel = n / users % 2 == 0 ? BenchUsers.CohortChannel : BenchUsers.OtherChannel;
        return forms.Day((int)(n % 90) + 1, BenchUsers.Id((int)((worker + n) % users)), channel);
    }

    public bool IsAnswer(ReadOnlySpan<byte> reply) => reply.IndexOf("\"blocks\""u8) >= 0;

    public bool IsNoted(ReadOnlySpan<byte> reply) => reply.IndexOf("\"text\":\"Jour "u8) >= 0;
}
