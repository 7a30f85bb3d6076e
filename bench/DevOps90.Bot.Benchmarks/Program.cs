using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using DevOps90.Bot.Benchmarks;
using DevOps90.Bot.Benchmarks.Participation;
using DevOps90.Bot.Benchmarks.Reports;
using DevOps90.Bot.Benchmarks.Simulation;

// Verbs of our own come first; anything else goes to BenchmarkDotNet ("--filter '*'", "--job short", "--list flat").
switch (args)
{
    case ["generate-repo", var outputFolder]:
        var written = SyntheticRepository.Write(outputFolder);
        Console.WriteLine($"{written} in {Path.GetFullPath(outputFolder)}");
        return 0;
    case ["generate-repo", ..]:
        Console.Error.WriteLine("usage: generate-repo OUTDIR");
        return 2;
    case ["memory", ..]:
        return MemoryReport.Run(Console.Out);
    case ["latency", ..]:
        return LatencyReport.Run(Console.Out);
    case ["participation", .. var participationArgs]:
        return await ParticipationVerb.RunAsync(participationArgs, Console.Out);
    case ["reports", .. var reportsArgs]:
        return await ReportsVerb.RunAsync(reportsArgs, Console.Out);
    case ["simulate", .. var simulateArgs]:
        return await SimulateVerb.RunAsync(simulateArgs, Console.Out);
    default:
        // Reports go to bench/BenchmarkDotNet.Artifacts (git-ignored), not the folder the command was started from.
        var config = RepositoryRoot.Find() is { } root
            ? DefaultConfig.Instance.WithArtifactsPath(Path.Combine(root, "bench", "BenchmarkDotNet.Artifacts"))
            : DefaultConfig.Instance;
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
}
