using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Tests.Interactions;

/// <summary>
/// A client that goes away in the middle of its body (a disconnect, Kestrel's minimum data rate) is routine on a
/// public endpoint: one Warning without a stack trace, not an error-level trace per connection.
/// </summary>
public sealed class InteractionsEndpointAbortTests
{
    [Theory]
    [InlineData("half-close")]
    [InlineData("reset")]
    public async Task Post_BodyEndsMidway_LogsOneWarningWithoutException(string ending)
    {
        await using var host = await InteractionsEndpointHost.StartAsync(new InteractionFixture());
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, host.BaseUrl.Port);
        var stream = tcp.GetStream();
        var head = "POST /discord/interactions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":\"1\",";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.FlushAsync();

        // Once the endpoint is reading the body, the client goes: a reset, or the end of its half of the connection.
        await host.Logs.WaitForAsync(entry => entry.Message.StartsWith("Executing endpoint", StringComparison.Ordinal)).WaitAsync(InteractionsEndpointHost.Patience);
        if (ending == "reset")
        {
            tcp.Client.LingerState = new LingerOption(enable: true, seconds: 0);
            tcp.Client.Close();
        }
        else
        {
            tcp.Client.Shutdown(SocketShutdown.Send);
        }

        // Kestrel's last word on a connection, after anything it logs about the request.
        await host.Logs.WaitForAsync(entry => entry.Category.EndsWith("Kestrel.Connections", StringComparison.Ordinal) && entry.Message.EndsWith("stopped.", StringComparison.Ordinal))
            .WaitAsync(InteractionsEndpointHost.Patience);
        // What a deployment logs (Information and up): Kestrel's own Debug diagnostics of the bad request are its business.
        var problems = host.Logs.Entries.Where(entry => entry.Level >= LogLevel.Warning || (entry.Level >= LogLevel.Information && entry.Exception is not null)).ToList();
        var logged = Assert.Single(problems);

        Assert.Equal((LogLevel.Warning, (Exception?)null), (logged.Level, logged.Exception));
        Assert.Contains("InteractionsEndpoint", logged.Category, StringComparison.Ordinal);
    }
}
