using BenchmarkDotNet.Attributes;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Benchmarks;

/// <summary>
/// Commands through the dispatcher over the full synthetic index. Target (from the issue): each well under 1 ms
/// median in process. Replies complete synchronously, so awaiting the ValueTask is just reading its result.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class CommandBenchmarks
{
    private CommandDispatcher _dispatcher = null!;

    [GlobalSetup]
    public void BuildDispatcher() => _dispatcher = CommandScenarios.CreateDispatcher();

    [Benchmark]
    public ValueTask<Reply> Day42() => _dispatcher.DispatchAsync(CommandScenarios.Day42English);

    [Benchmark]
    public ValueTask<Reply> Day42_FallbackFromPtBr() => _dispatcher.DispatchAsync(CommandScenarios.Day42Fallback);

    [Benchmark]
    public ValueTask<Reply> ResourcesOfDay42() => _dispatcher.DispatchAsync(CommandScenarios.ResourcesDay42);

    [Benchmark]
    public ValueTask<Reply> ResourcesOfTopic() => _dispatcher.DispatchAsync(CommandScenarios.ResourcesTopic);

    [Benchmark]
    public ValueTask<Reply> SearchTwoWords() => _dispatcher.DispatchAsync(CommandScenarios.SearchTwoWords);

    [Benchmark]
    public IReadOnlyList<AutocompleteChoice> CompleteDay_Digit() => _dispatcher.Complete(CommandScenarios.DayTyping, "number", CommandScenarios.TypedDigits);

    [Benchmark]
    public IReadOnlyList<AutocompleteChoice> CompleteDay_Word() => _dispatcher.Complete(CommandScenarios.DayTyping, "number", CommandScenarios.TypedWord);

    [Benchmark]
    public IReadOnlyList<AutocompleteChoice> CompleteTopic() => _dispatcher.Complete(CommandScenarios.ResourcesTyping, "topic", CommandScenarios.TypedTopic);
}
