using DevOps90.Bot.Core.Coordination;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DevOps90.Bot.Coordination;

public static class CoordinationSetup
{
    /// <summary>
    /// What the instances of the bot share to split the work that only one may do (gateway shards, the Socket Mode
    /// connection): this process's identity, the lease store, and the log of who holds what. The store is the
    /// in-memory one unless storage registered its own before (a database shared by every instance): call this after
    /// AddStorage.
    /// </summary>
    public static IHostApplicationBuilder AddCoordination(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(InstanceIdentity.ForThisProcess());
        builder.Services.TryAddSingleton<ILeaseStore, InMemoryLeaseStore>();
        builder.Services.TryAddSingleton<ILeaseObserver, LeaseLog>();
        return builder;
    }
}
