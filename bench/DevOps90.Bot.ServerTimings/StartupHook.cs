using DevOps90.Bot.ServerTimings;

// The runtime looks the hook up by this exact name, in the global namespace:
// https://github.com/dotnet/runtime/blob/main/docs/design/features/host-startup-hook.md
#pragma warning disable CA1050 // Declare types in namespaces: a startup hook type must be global.
internal static class StartupHook
#pragma warning restore CA1050
{
    /// <summary>Runs before the host's Main when DOTNET_STARTUP_HOOKS names this assembly.</summary>
    public static void Initialize()
    {
        var folder = Environment.GetEnvironmentVariable("DEVOPS90_TIMINGS_DIR");
        if (!string.IsNullOrEmpty(folder))
        {
            PhaseRecorder.Start(folder, Environment.GetEnvironmentVariable("DEVOPS90_TIMINGS_ROUTE"));
        }
    }
}
