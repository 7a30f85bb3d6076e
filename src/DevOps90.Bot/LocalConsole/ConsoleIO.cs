namespace DevOps90.Bot.LocalConsole;

/// <summary>The console's streams, replaceable in tests; interactive when a person is typing at a terminal.</summary>
public sealed record ConsoleIO(TextReader Input, TextWriter Output, bool IsInteractive)
{
    public static ConsoleIO System() => new(Console.In, Console.Out, !Console.IsInputRedirected);
}
