using System.Diagnostics;
using System.Globalization;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Benchmarks;

/// <summary>
/// The <c>latency</c> verb: per-call percentiles of the command benchmarks' scenarios, which BenchmarkDotNet does not
/// give (its percentiles are over iterations of many calls, so one slow call in a thousand disappears in a mean).
/// Each scenario is warmed up until tiered JIT has settled, then timed call by call; GC pauses land in the tail.
/// It also prints what each scenario answered, to show it took the path it is named after.
/// </summary>
internal static class LatencyReport
{
    /// <summary>
    /// Warm-up by time, not count: tiered JIT recompiles a method only after ~100 ms without new tier-0 work, so
    /// 20,000 calls of a 1 µs command (20 ms) would still time the unoptimised code.
    /// </summary>
    private static readonly TimeSpan _warmup = TimeSpan.FromSeconds(1);

    private const int MeasuredCalls = 20_000;

    public static int Run(TextWriter output)
    {
        var dispatcher = CommandScenarios.CreateDispatcher();
        (string Name, Func<object> Call)[] scenarios =
        [
            ("(timer, empty call)", () => dispatcher),
            ("Day42", () => Dispatch(dispatcher, CommandScenarios.Day42English)),
            ("Day42_FallbackFromPtBr", () => Dispatch(dispatcher, CommandScenarios.Day42Fallback)),
            ("ResourcesOfDay42", () => Dispatch(dispatcher, CommandScenarios.ResourcesDay42)),
            ("ResourcesOfTopic", () => Dispatch(dispatcher, CommandScenarios.ResourcesTopic)),
            ("SearchTwoWords", () => Dispatch(dispatcher, CommandScenarios.SearchTwoWords)),
            ("CompleteDay_Digit", () => dispatcher.Complete(CommandScenarios.DayTyping, "number", CommandScenarios.TypedDigits)),
            ("CompleteDay_Word", () => dispatcher.Complete(CommandScenarios.DayTyping, "number", CommandScenarios.TypedWord)),
            ("CompleteTopic", () => dispatcher.Complete(CommandScenarios.ResourcesTyping, "topic", CommandScenarios.TypedTopic)),
        ];

        output.WriteLine($"{_warmup.TotalSeconds:0} s of warm-up, then {MeasuredCalls} timed calls per scenario (microseconds)");
        output.WriteLine($"{"scenario",-24} {"p50",8} {"p95",8} {"p99",8} {"p99.9",8} {"max",9}  answer");
        var timings = new double[MeasuredCalls];
        foreach (var (name, call) in scenarios)
        {
            object? last = null;
            var warmupStart = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(warmupStart) < _warmup)
            {
                last = call();
            }

            for (var i = 0; i < MeasuredCalls; i++)
            {
                var start = Stopwatch.GetTimestamp();
                last = call();
                timings[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }

            Array.Sort(timings);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-24} {At(timings, 0.50),8:0.0} {At(timings, 0.95),8:0.0} {At(timings, 0.99),8:0.0} {At(timings, 0.999),8:0.0} {timings[^1],9:0.0}  {Describe(last)}"));
        }

        return 0;
    }

    /// <summary>Every handler answers synchronously; a pending task would mean one started doing I/O.</summary>
    private static Reply Dispatch(CommandDispatcher dispatcher, CommandRequest request)
    {
        var pending = dispatcher.DispatchAsync(request);
        return pending.IsCompletedSuccessfully
            ? pending.Result
            : throw new InvalidOperationException($"/{request.Command} did not complete synchronously");
    }

    private static double At(double[] sorted, double quantile) => sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1];

    private static string Describe(object? answer) => answer switch
    {
        Reply { IsError: true } reply => "ERROR " + reply.Paragraphs.FirstOrDefault(),
        Reply reply => $"{reply.Title} | {reply.Paragraphs.Length} paragraphs, {reply.LinkLists.Sum(list => list.Links.Length)} links" +
            (reply.Paragraphs.FirstOrDefault() is { } first ? $" | {Shorten(first.PlainText)}" : ""),
        IReadOnlyList<AutocompleteChoice> choices => $"{choices.Count} choices" + (choices.Count > 0 ? $", first: {choices[0].Name}" : ""),
        _ => "",
    };

    private static string Shorten(string text) => text.Length <= 70 ? text.ReplaceLineEndings(" ") : text[..70].ReplaceLineEndings(" ") + "…";
}
