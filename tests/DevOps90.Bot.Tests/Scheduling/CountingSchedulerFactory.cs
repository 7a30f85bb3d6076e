using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DevOps90.Bot.Tests.Scheduling;

/// <summary>
/// The host's scheduler factory, whose schedulers write the name of every member called on them into a list: how a
/// test sees how often the bot goes to Quartz's store (each call on a persistent store is a round trip).
/// </summary>
internal sealed class CountingSchedulerFactory(ISchedulerFactory inner, ConcurrentQueue<string> calls) : ISchedulerFactory
{
    /// <summary>Puts a counting factory in the place of the one registered.</summary>
    public static void Install(IServiceCollection services, ConcurrentQueue<string> calls)
    {
        var original = services.Last(descriptor => descriptor.ServiceType == typeof(ISchedulerFactory));
        services.Remove(original);
        services.AddSingleton<ISchedulerFactory>(provider => new CountingSchedulerFactory(
            (ISchedulerFactory)(original.ImplementationInstance
                ?? original.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!)),
            calls));
    }

    public async ValueTask<List<IScheduler>> GetAllSchedulers(CancellationToken cancellationToken = default) =>
        [.. (await inner.GetAllSchedulers(cancellationToken)).Select(Counted)];

    public async ValueTask<IScheduler> GetScheduler(CancellationToken cancellationToken = default) =>
        Counted(await inner.GetScheduler(cancellationToken));

    public async ValueTask<IScheduler?> LookupScheduler(string schedName, CancellationToken cancellationToken = default) =>
        await inner.LookupScheduler(schedName, cancellationToken) is { } scheduler ? Counted(scheduler) : null;

    private IScheduler Counted(IScheduler scheduler)
    {
        var proxy = DispatchProxy.Create<IScheduler, CountingScheduler>();
        ((CountingScheduler)(object)proxy).Attach(scheduler, calls);
        return proxy;
    }
}

/// <summary>Forwards every call to the scheduler it wraps, noting the member's name first.</summary>
#pragma warning disable CA1852 // DispatchProxy derives from it at run time: it cannot be sealed.
public class CountingScheduler : DispatchProxy
#pragma warning restore CA1852
{
    private IScheduler? _inner;
    private ConcurrentQueue<string>? _calls;

    internal void Attach(IScheduler inner, ConcurrentQueue<string> calls) => (_inner, _calls) = (inner, calls);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        _calls!.Enqueue(targetMethod!.Name);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }
}
