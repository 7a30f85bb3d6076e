using System.Net;
using DevOps90.Bot.Core.Background;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DevOps90.Bot.Tests.Slack;

/// <summary>A stopping host finishes the answers it promised: a late answer being prepared is still sent.</summary>
[Collection(SlackHosts.Name)]
public sealed class SlackDrainTests
{
    private const string Learner = "U0LEARNER";

    [Fact]
    public async Task Stop_AsSigtermDoes_WhileALateAnswerIsBeingPrepared_TheAnswerIsStillSent()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        slack.AddUser(new FakeSlackUser(Learner, "learner", Locale: "en-US"));
        var slow = new SlowCommand();
        // Frozen at the moment, so that signatures made now are fresh; moved on only to pass the reply budget.
        var clock = new ObservedClock(TimeProvider.System.GetUtcNow());
        await using var host = await SlackHost.StartAsync(slack, overrides: services =>
        {
            services.AddSingleton<ICommandHandler>(slow);
            services.AddSingleton<TimeProvider>(clock);
        });

        var acknowledging = host.CommandAsync("slow", Learner, responseId: "late");
        await slow.Started;
        // Past the reply budget (2.5 s), once its timer is set: that may come after the command has started, and a clock
        // moved on before it would leave the acknowledgement waiting for ever (HttpClient's 100 s, on a loaded machine).
        await clock.WaitForDelayAsync(TimeSpan.FromSeconds(2.5));
        clock.Fake.Advance(TimeSpan.FromSeconds(3));
        using var acknowledgement = await acknowledging;
        // What SIGTERM does: the lifetime is told to stop (ApplicationStopping), then the host stops.
        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var stopping = host.Host.App.StopAsync();
        await WaitUntilAsync(() => host.Services.GetRequiredService<InFlightWork>().Stopping.IsCancellationRequested);
        slow.Finish();
        await stopping;

        Assert.Equal(HttpStatusCode.OK, acknowledgement.StatusCode);
        var answer = Assert.Single(slack.Responses("late"));
        Assert.Contains("finished after the stop began", answer.ToJsonString(), StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 300 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }

    /// <summary>A command that answers only when the test lets it, and gives up only if its token is cancelled.</summary>
    private sealed class SlowCommand : ICommandHandler
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CommandDefinition Definition { get; } = new("slow", [], ForModerators: false);

        public Task Started => _started.Task;

        public void Finish() => _finish.TrySetResult();

        public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
        {
            _started.TrySetResult();
            await _finish.Task.WaitAsync(cancellationToken);
            return Reply.Text("finished after the stop began");
        }
    }
}
