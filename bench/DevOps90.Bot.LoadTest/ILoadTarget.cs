namespace DevOps90.Bot.LoadTest;

/// <summary>What one platform's load sends and how its replies are told apart; <see cref="ClosedLoopLoad"/> does the rest.</summary>
internal interface ILoadTarget
{
    /// <summary>The <paramref name="n"/>th request of connection <paramref name="worker"/>, signed now.</summary>
    SignedRequest Next(int worker, long n);

    /// <summary>Whether a 200's body is the answer the request asked for (a lesson), not an empty or other reply.</summary>
    bool IsAnswer(ReadOnlySpan<byte> reply);

    /// <summary>A kind of answer worth counting apart (e.g. "in French"), or null.</summary>
    string? NotedLabel { get; }

    bool IsNoted(ReadOnlySpan<byte> reply);
}
