using System.Diagnostics;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Posts;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace DevOps90.Bot.Benchmarks.Simulation;

/// <summary>
/// Runs the real <see cref="DailyPostService"/> over simulated months, event by event on a fake clock: each cohort's
/// cron fire (computed by Quartz's own <see cref="CronExpression"/> in the cohort's zone, as the host schedules it),
/// reconciliation rounds, planned outages, crashes the platform causes, restarts, pauses and resumes. A restart is a
/// new service instance (a new owner id) on the same ledger, reconciling at once and then on its own timer.
/// </summary>
internal sealed class DeliverySimulation
{
    private enum EventKind
    {
        CohortChange,
        Restart,
        Fire,
        Reconcile,
        OutageStart,
    }

    private readonly record struct SimEvent(EventKind Kind, int Cohort = -1, int Generation = 0, TimeSpan Duration = default, bool Pause = false);

    /// <summary>One reconciliation round; a crash inside it stops it at that cohort (rounds go through cohorts in id order).</summary>
    public sealed record Round(DateTimeOffset At, CohortId? CrashedAt = null)
    {
        public bool Reached(CohortId cohort) => CrashedAt is not { } crashed || string.CompareOrdinal(cohort.Value, crashed.Value) <= 0;
    }

    private sealed record BotProcess(DailyPostService Service, CancellationTokenSource Lifetime, int Generation);

    private readonly SimulationOptions _options;
    private readonly CurriculumIndex _index;
    private readonly Func<IDeliveryLedger> _openLedger;
    private readonly IDeliveryLedger _ledger;
    private readonly FakeTimeProvider _time;
    private readonly InMemoryCohortDirectory _directory;
    private readonly SimulatedPlatform _platform;
    private readonly Random _random;
    private readonly PriorityQueue<SimEvent, (DateTimeOffset At, EventKind Kind, long Sequence)> _queue = new();
    private readonly DeliveryOptions _deliveryOptions = new();
    private long _sequence;
    private BotProcess? _process;
    private int _generation;
    private DateTimeOffset _restartAt;

    /// <param name="openLedger">The ledger as a new process opens it: the same store each time.</param>
    public DeliverySimulation(SimulationOptions options, CurriculumIndex index, Func<IDeliveryLedger> openLedger)
    {
        _options = options;
        _index = index;
        _openLedger = openLedger;
        _ledger = openLedger();
        _random = new Random(options.Seed);
        Begin = new DateTimeOffset(options.Start.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        End = Begin.AddDays(options.Days);
        _time = new FakeTimeProvider(Begin);
        Cohorts = SimulatedCohorts.Make(options, Begin, End, new Random(options.Seed ^ 0x5EED));
        _directory = new InMemoryCohortDirectory(Cohorts.Select(cohort => cohort.Configured));
        _platform = new SimulatedPlatform(options, new Random(options.Seed ^ 0x0D15C0), _time);
        foreach (var cohort in Cohorts)
        {
            _platform.ChannelOwners[cohort.Configured.Target.Channel] = cohort.Configured.Id;
        }

        Uptime = new Uptime(Begin);
        FireTimes = [.. Cohorts.Select(cohort => CronFires(cohort.Configured).ToList())];
    }

    public DateTimeOffset Begin { get; }

    public DateTimeOffset End { get; }

    public IReadOnlyList<SimulatedCohort> Cohorts { get; }

    public IReadOnlyList<List<DateTimeOffset>> FireTimes { get; }

    public Uptime Uptime { get; }

    public SimulatedPlatform Platform => _platform;

    public ICohortDirectory Directory => _directory;

    public IDeliveryLedger Ledger => _ledger;

    public DeliveryOptions DeliveryOptions => _deliveryOptions;

    public Dictionary<DeliveryStatus, int> Outcomes { get; } = [];

    public int Fires { get; private set; }

    public int FiresWhileDown { get; private set; }

    /// <summary>When each reconciliation round started (the first of each process at its start).</summary>
    public List<Round> ReconcileRounds { get; } = [];

    public int PlannedOutages { get; private set; }

    public int Crashes { get; private set; }

    public int Restarts { get; private set; }

    public int FailedStarts { get; private set; }

    public TimeSpan WallTime { get; private set; }

    /// <summary>A service for reading calendars, never for sending.</summary>
    public DailyPostService NewService() => NewService(_ledger);

    private DailyPostService NewService(IDeliveryLedger ledger) => new(
        _directory, _index, ledger, [_platform], new DailyPostComposer(_index, new BotDefaults("2022", "en", "Europe/Paris")), _deliveryOptions, _time);

    public async Task RunAsync()
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Cohorts.Count; i++)
        {
            foreach (var fire in FireTimes[i])
            {
                Enqueue(fire, new SimEvent(EventKind.Fire, i));
            }

            if (Cohorts[i].PauseAt is { } pauseAt)
            {
                Enqueue(pauseAt, new SimEvent(EventKind.CohortChange, i, Pause: true));
            }

            if (Cohorts[i].ResumeAt is { } resumeAt)
            {
                Enqueue(resumeAt, new SimEvent(EventKind.CohortChange, i, Pause: false));
            }
        }

        PlanOutages();
        await StartAsync().ConfigureAwait(false);
        while (_queue.TryDequeue(out var next, out var when) && when.At < End)
        {
            if (when.At > _time.GetUtcNow())
            {
                _time.SetUtcNow(when.At);
            }

            await HandleAsync(next, when.At).ConfigureAwait(false);
        }

        _time.SetUtcNow(End);
        Uptime.Finish(End);
        _process?.Lifetime.Dispose();
        _process = null;
        WallTime = clock.Elapsed;
    }

    private async Task HandleAsync(SimEvent next, DateTimeOffset now)
    {
        switch (next.Kind)
        {
            case EventKind.CohortChange:
                var cohort = _directory.Find(Cohorts[next.Cohort].Configured.Id)!;
                var today = StudyCalendar.LocalDate(now, cohort.TimeZone);
                _directory.Upsert(next.Pause ? cohort.PausedFrom(today) : cohort.ResumedOn(today));
                break;
            case EventKind.Restart when _process is null && now == _restartAt:
                await StartAsync().ConfigureAwait(false);
                break;
            case EventKind.Fire:
                Fires++;
                if (_process is null)
                {
                    // Quartz's DoNothing misfire rule: a fire missed while down is not replayed; reconciliation catches up.
                    FiresWhileDown++;
                    break;
                }

                var service = _process.Service;
                await DeliverAsync(token => service.DeliverDueAsync(Cohorts[next.Cohort].Configured.Id, token)).ConfigureAwait(false);
                break;
            case EventKind.Reconcile when _process is { } process && process.Generation == next.Generation:
                await ReconcileAsync().ConfigureAwait(false);
                break;
            case EventKind.OutageStart:
                PlannedOutages++;
                var until = now + next.Duration;
                if (_process is { } running)
                {
                    running.Lifetime.Dispose();
                    _process = null;
                    Uptime.Stopped(now, crash: false);
                    _restartAt = until;
                }
                else
                {
                    Uptime.Extended();
                    _restartAt = until > _restartAt ? until : _restartAt;
                }

                Enqueue(_restartAt, new SimEvent(EventKind.Restart));
                break;
        }
    }

    private async Task StartAsync()
    {
        var now = _time.GetUtcNow();
        Restarts += now > Begin ? 1 : 0;
        if (now > Begin && _random.NextDouble() < _options.FailedStartRate)
        {
            // The host fails before it has fully started: its services were built, but nothing is delivered before
            // the start completes (the host's rule), so it only comes back later.
            FailedStarts++;
            _restartAt = now + TimeSpan.FromSeconds(5 + _random.Next(55));
            Enqueue(_restartAt, new SimEvent(EventKind.Restart));
            return;
        }

        Uptime.Started(now);
        var lifetime = new CancellationTokenSource();
        _process = new BotProcess(NewService(_openLedger()), lifetime, ++_generation);
        _platform.KillProcess = lifetime.Cancel;
        await ReconcileAsync().ConfigureAwait(false);
    }

    private async Task ReconcileAsync()
    {
        var process = _process!;
        ReconcileRounds.Add(new Round(_time.GetUtcNow()));
        await DeliverAsync(token => process.Service.ReconcileAllAsync(token)).ConfigureAwait(false);
        if (_process is null)
        {
            ReconcileRounds[^1] = ReconcileRounds[^1] with { CrashedAt = _platform.KilledFor };
        }

        if (_process?.Generation == process.Generation)
        {
            // PeriodicTimer: ticks counted from the start of the process.
            Enqueue(_time.GetUtcNow() + _options.ReconcileEvery, new SimEvent(EventKind.Reconcile, Generation: process.Generation));
        }
    }

    private Task DeliverAsync(Func<CancellationToken, Task<DeliveryOutcome>> work) =>
        DeliverAsync(async token => (IReadOnlyList<DeliveryOutcome>)[await work(token).ConfigureAwait(false)]);

    private async Task DeliverAsync(Func<CancellationToken, Task<IReadOnlyList<DeliveryOutcome>>> work)
    {
        var process = _process!;
        try
        {
            foreach (var outcome in await work(process.Lifetime.Token).ConfigureAwait(false))
            {
                Outcomes[outcome.Status] = Outcomes.GetValueOrDefault(outcome.Status) + 1;
            }

            if (process.Lifetime.IsCancellationRequested)
            {
                // Stopped while a post was answered (the round ended on the post): it comes back like after a crash.
                throw new OperationCanceledException(process.Lifetime.Token);
            }
        }
        catch (OperationCanceledException) when (process.Lifetime.IsCancellationRequested)
        {
            // The process died inside a call (the platform killed it after accepting a message): nothing after that
            // point ran, and it comes back the way a supervisor restarts a crashed service.
            Crashes++;
            process.Lifetime.Dispose();
            _process = null;
            var now = _time.GetUtcNow();
            Uptime.Stopped(now, crash: true);
            _restartAt = now + TimeSpan.FromSeconds(5 + _random.Next(175));
            Enqueue(_restartAt, new SimEvent(EventKind.Restart));
        }
    }

    /// <summary>Every 1-5 days, an outage of 1 minute to 3 days (log-uniform: mostly short, a fifth over 12 hours).</summary>
    private void PlanOutages()
    {
        if (!_options.Outages)
        {
            return;
        }

        for (var at = Begin; ;)
        {
            at += TimeSpan.FromSeconds(Math.Floor((1 + 4 * _random.NextDouble()) * 86_400));
            if (at >= End)
            {
                return;
            }

            var duration = TimeSpan.FromSeconds(Math.Floor(60 * Math.Pow(3 * 24 * 60, _random.NextDouble())));
            Enqueue(at, new SimEvent(EventKind.OutageStart, Duration: duration));
            at += duration;
        }
    }

    /// <summary>The instants the host's cron trigger fires for a cohort (see CohortSchedules.CronOf in the host).</summary>
    private IEnumerable<DateTimeOffset> CronFires(Cohort cohort)
    {
        var cron = new CronExpression($"{cohort.PostTime.Second} {cohort.PostTime.Minute} {cohort.PostTime.Hour} * * ?", cohort.TimeZone);
        for (var fire = cron.GetNextValidTimeAfter(Begin.AddSeconds(-1)); fire is { } at && at < End; fire = cron.GetNextValidTimeAfter(at))
        {
            yield return at;
        }
    }

    private void Enqueue(DateTimeOffset at, SimEvent simEvent) => _queue.Enqueue(simEvent, (at, simEvent.Kind, _sequence++));
}
