using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace DevOps90.Bot.Benchmarks;

/// <summary>
/// Two jobs: the garbage collector the bot itself runs with (the web SDK's server GC, with .NET's dynamic adaptation
/// to the application's size), which is what a content load in the bot meets, and BenchmarkDotNet's default
/// (workstation, concurrent), which earlier figures were taken with.
/// </summary>
public sealed class BotGcConfig : ManualConfig
{
    public BotGcConfig()
    {
        AddJob(Job.Default.WithGcServer(true).WithId("bot GC (server)"));
        AddJob(Job.Default.WithGcServer(false).WithId("workstation GC").AsBaseline());
    }
}
