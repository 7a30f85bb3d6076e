using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.LocalConsole;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests.StudyGroups;

/// <summary>appsettings.example.json, copied as it is, starts the bot as the defaults do: the console, no platform.</summary>
public sealed class ExampleSettingsTests
{
    [Fact]
    public async Task Start_WithTheExampleSettingsAsTheyAre_StartsOnTheConsoleWithoutDiscord()
    {
        var example = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryPaths.Root, "appsettings.example.json")).Build();
        var settings = example.AsEnumerable()
            .Where(pair => pair.Value is not null && pair.Key != "Storage:DataDirectory" && pair.Key != "Urls")
            .Select(pair => $"--{pair.Key}={pair.Value}");

        await using var host = new TestHost(settings, services => services.AddSingleton(new ConsoleIO(new StringReader(""), TextWriter.Null, isInteractive: false)));
        await host.App.StartAsync();
        var platforms = host.Services.GetServices<IChatPublisher>().Select(publisher => publisher.Platform).ToList();
        await host.App.StopAsync();

        Assert.Equal(["console"], platforms);
    }
}
