using BenchmarkDotNet.Attributes;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Rendering;
using DevOps90.Bot.Slack.Rendering;

namespace DevOps90.Bot.Benchmarks;

/// <summary>
/// The same /day reply made into each platform's message: what a command costs after the dispatcher, per platform.
/// The Slack load bench measured four times Discord's CPU per command; this says how much of it is the rendering.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class RenderingBenchmarks
{
    private Reply _day42 = null!;

    [GlobalSetup]
    public async Task MakeTheReply() => _day42 = await CommandScenarios.CreateDispatcher().DispatchAsync(CommandScenarios.Day42English);

    [Benchmark(Baseline = true)]
    public object Discord() => DiscordRenderer.Render(_day42);

    [Benchmark]
    public SlackMessage Slack() => SlackRenderer.Render(_day42);

    [Benchmark]
    public string SlackAsJson() => SlackRenderer.Render(_day42).Blocks.ToJsonString();
}
