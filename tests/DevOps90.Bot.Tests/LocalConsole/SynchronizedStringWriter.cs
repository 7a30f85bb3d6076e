using System.Text;

namespace DevOps90.Bot.Tests.LocalConsole;

/// <summary>A string writer the console writes to from its own thread while the test waits for a piece of text.</summary>
internal sealed class SynchronizedStringWriter : StringWriter
{
    private readonly Lock _lock = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_lock)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            base.Write(value);
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return base.ToString();
        }
    }

    /// <summary>The whole output once it contains <paramref name="expected"/>; the output so far if time runs out.</summary>
    public async Task<string> WaitForAsync(string expected, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (!ToString().Contains(expected, StringComparison.Ordinal) && Environment.TickCount64 < deadline)
        {
            await Task.Delay(20);
        }

        return ToString();
    }
}
