using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Discord.Gateway;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DevOps90.Bot.Discord.Tests.Gateway;

public sealed class GatewayRegistrationTests
{
    [Fact]
    public void AddDiscordGateway_WithItsDependencies_ResolvesTheShardSupervisorAsHostedServiceAndConnectionReport()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<DiscordOptions>().Configure(options => options.Token = GatewayHarness.Token);
        services.AddSingleton<IDiscordRestClient>(new FakeDiscordRestClient(() => new GatewayBotInfo("ws://127.0.0.1:1", 1, new SessionStartLimit(1, 1, 0, 1))));
        services.AddSingleton<IGatewayDispatchHandler, RecordingDispatchHandler>();
        services.AddSingleton<ILeaseStore, InMemoryLeaseStore>();
        services.AddSingleton(new InstanceIdentity("test/1/abc"));

        services.AddDiscordGateway();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Single(provider.GetServices<IHostedService>().OfType<ShardSupervisor>());
        Assert.IsType<ShardHolders>(Assert.Single(provider.GetServices<IConnectionReport>()));
    }
}
