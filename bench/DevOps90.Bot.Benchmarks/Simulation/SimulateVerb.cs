using DevOps90.Bot.Content;

namespace DevOps90.Bot.Benchmarks.Simulation;

/// <summary>
/// The <c>simulate</c> verb: months of daily posts for many cohorts through restarts and platform failures; exits 1
/// when a post went out twice or a required post never did, printing examples to find the cause.
/// </summary>
internal static class SimulateVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        if (SimulationOptions.Parse(args, Console.Error) is not { } options)
        {
            return 2;
        }

        if (RepositoryRoot.BundledContent() is not { } content)
        {
            Console.Error.WriteLine("the bundled content/ folder was not found: run from a checkout of the repository");
            return 2;
        }

        var index = ContentLoader.Load([new ContentSourceOptions { Path = content }]);
        output.WriteLine($"simulate: {options}");
        await using var ledger = await SimulationLedger.OpenAsync(options.Ledger, options.Seed).ConfigureAwait(false);
        output.WriteLine($"ledger: {ledger.Description}");
        var simulation = new DeliverySimulation(options, index, ledger.Open);
        await simulation.RunAsync().ConfigureAwait(false);
        var verdict = await SimulationVerdict.JudgeAsync(simulation).ConfigureAwait(false);
        SimulationReport.Print(output, options, simulation, verdict);
        return verdict.Passed ? 0 : 1;
    }
}
