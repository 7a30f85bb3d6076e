namespace DevOps90.Bot.Discord.Gateway;

internal static class GatewayBackoff
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The wait before attempt <paramref name="failures"/> + 1: 1 s doubled per failure up to 60 s, times 0.5 to 1 at
    /// random, so that restarted instances do not all come back in step.
    /// </summary>
    public static TimeSpan After(int failures, Func<double> random) =>
        TimeSpan.FromTicks(Math.Min(Cap.Ticks, Base.Ticks << Math.Min(failures - 1, 16))) * (0.5 + (0.5 * random()));
}
