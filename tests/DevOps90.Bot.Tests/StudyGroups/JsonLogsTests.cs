using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Tests.StudyGroups;

/// <summary>One setting turns the console logs into JSON lines for log collectors.</summary>
public sealed class JsonLogsTests
{
    [Fact]
    public async Task Build_ConsoleFormatterJson_LogsThroughTheJsonFormatter()
    {
        await using var host = new TestHost(["--Logging:Console:FormatterName=json"]);

        var options = host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var formatters = host.Services.GetServices<ConsoleFormatter>();

        Assert.Equal("json", options.FormatterName);
        Assert.Contains(formatters, formatter => formatter.Name == "json");
        Assert.Contains(host.Services.GetServices<ILoggerProvider>(), provider => provider is ConsoleLoggerProvider);
    }
}
