using System.Globalization;

namespace DevOps90.Bot.Benchmarks.Simulation;

/// <summary>The <c>simulate</c> verb's settings; the defaults are the run the issue asks for.</summary>
internal sealed record SimulationOptions
{
    public const string Usage =
        "usage: simulate [--seed N] [--cohorts N] [--days N] [--start yyyy-MM-dd] [--ledger memory|sqlite|postgres] " +
        "[--reconcile-minutes N] [--examples N] [--no-failures] [--no-outages]";

    public int Seed { get; init; } = 90;

    public int Cohorts { get; init; } = 1000;

    public int Days { get; init; } = 120;

    /// <summary>Mid-February: the window holds the spring gaps of North America and Europe and the autumn overlaps of Sydney, Auckland and Santiago.</summary>
    public DateOnly Start { get; init; } = new(2027, 2, 15);

    /// <summary>"memory", "sqlite" (a temporary file) or "postgres" (a temporary database, see bench/README.md).</summary>
    public string Ledger { get; init; } = "memory";

    /// <summary>The host reconciles every 2 minutes; coarser is faster to simulate and only delays retries and crash recovery.</summary>
    public TimeSpan ReconcileEvery { get; init; } = TimeSpan.FromMinutes(30);

    public int Examples { get; init; } = 8;

    public double PermanentFailureRate { get; init; } = 0.002;

    public double TransientFailureRate { get; init; } = 0.01;

    /// <summary>The platform accepted the message, then the process died before the ledger heard of it.</summary>
    public double CrashAfterAcceptRate { get; init; } = 0.005;

    /// <summary>The platform accepted the message and answered, while the host was stopping (e.g. a failed start).</summary>
    public double StopAfterAcceptRate { get; init; } = 0.003;

    /// <summary>A restart that fails before the host has fully started (a port taken): it stops and is started again.</summary>
    public double FailedStartRate { get; init; } = 0.1;

    /// <summary>The platform accepted the message but the response was lost (a timeout): the bot sees a transient failure.</summary>
    public double LostResponseRate { get; init; } = 0.003;

    public bool Outages { get; init; } = true;

    public static SimulationOptions? Parse(IReadOnlyList<string> args, TextWriter errors)
    {
        var options = new SimulationOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--no-failures")
            {
                options = options with { PermanentFailureRate = 0, TransientFailureRate = 0, CrashAfterAcceptRate = 0, StopAfterAcceptRate = 0, FailedStartRate = 0, LostResponseRate = 0 };
                continue;
            }

            if (name is "--no-outages")
            {
                options = options with { Outages = false };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                errors.WriteLine($"{name}: a value is missing\n{Usage}");
                return null;
            }

            var value = args[++i];
            var ok = true;
            switch (name)
            {
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var seed):
                    options = options with { Seed = seed };
                    break;
                case "--cohorts" when int.TryParse(value, CultureInfo.InvariantCulture, out var cohorts) && cohorts > 0:
                    options = options with { Cohorts = cohorts };
                    break;
                case "--days" when int.TryParse(value, CultureInfo.InvariantCulture, out var days) && days >= 2:
                    options = options with { Days = days };
                    break;
                case "--start" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start):
                    options = options with { Start = start };
                    break;
                case "--ledger" when value is "memory" or "sqlite" or "postgres":
                    options = options with { Ledger = value };
                    break;
                case "--reconcile-minutes" when double.TryParse(value, CultureInfo.InvariantCulture, out var minutes) && minutes > 0:
                    options = options with { ReconcileEvery = TimeSpan.FromMinutes(minutes) };
                    break;
                case "--examples" when int.TryParse(value, CultureInfo.InvariantCulture, out var examples) && examples >= 0:
                    options = options with { Examples = examples };
                    break;
                default:
                    ok = false;
                    break;
            }

            if (!ok)
            {
                errors.WriteLine($"{name} {value}: not understood\n{Usage}");
                return null;
            }
        }

        return options;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"seed {Seed}, {Cohorts} cohorts, {Days} days from {Start:yyyy-MM-dd}, {Ledger} ledger, " +
        $"reconcile every {ReconcileEvery.TotalMinutes:0.#} min, failures: {PermanentFailureRate:P1} permanent, {TransientFailureRate:P1} transient, " +
        $"{CrashAfterAcceptRate:P1} crash after accept, {StopAfterAcceptRate:P1} stop after accept, {FailedStartRate:P0} of starts fail, {LostResponseRate:P1} lost response; outages {(Outages ? "on" : "off")}");
}
