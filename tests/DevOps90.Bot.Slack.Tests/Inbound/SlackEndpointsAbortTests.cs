using System.Net;
using System.Net.Sockets;
using System.Text;
using DevOps90.Bot.Slack.Inbound;

namespace DevOps90.Bot.Slack.Tests.Inbound;

/// <summary>A client that goes away in the middle of its body is routine on a public endpoint: one Debug line, no alarm.</summary>
public sealed class SlackEndpointsAbortTests
{
    [Theory]
    [InlineData("half-close")]
    [InlineData("reset")]
    public async Task Post_BodyEndsMidway_QuietAndHandlerNotCalled(string ending)
    {
        await using var host = await SlackEndpointsHost.StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, host.BaseUrl.Port);
        var stream = tcp.GetStream();
        var head = $"POST {SlackEndpoints.EventsPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"type\":";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.FlushAsync();

        // Once the endpoint is reading the body, the client goes.
        await host.Logs.WaitForAsync(entry => entry.Message.StartsWith("Executing endpoint", StringComparison.Ordinal));
        if (ending == "reset")
        {
            tcp.Client.LingerState = new LingerOption(enable: true, seconds: 0);
            tcp.Client.Close();
        }
        else
        {
            tcp.Client.Shutdown(SocketShutdown.Send);
        }

        var gaveUp = await host.Logs.WaitForAsync(entry => entry.Message.StartsWith("Gave up reading a Slack request", StringComparison.Ordinal));

        Assert.Null(gaveUp.Exception);
        Assert.Empty(host.Handler.All);
        Assert.DoesNotContain(host.Logs.Problems, entry => entry.Category.Contains("Slack", StringComparison.Ordinal));
    }
}
