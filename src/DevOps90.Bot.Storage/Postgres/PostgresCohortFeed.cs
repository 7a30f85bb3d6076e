using DevOps90.Bot.Core.Cohorts;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DevOps90.Bot.Storage.Postgres;

/// <summary>
/// The cohort writes of every instance, as PostgreSQL's LISTEN/NOTIFY delivers them: <see cref="SqlCohortStore"/>
/// notifies <see cref="Channel"/> with the cohort's id in the transaction of each write, and this feed listens on one
/// connection held for that alone (https://www.npgsql.org/doc/wait.html). When the connection drops, it connects again
/// after a backoff (1 s, doubling up to 30 s), and says <see cref="CohortSignal.Resync"/> each time it listens again,
/// since whatever was notified meanwhile is lost. A connection quiet for <see cref="PingInterval"/> is checked with a
/// query, so one that died silently (a lost network, no TCP reset) is noticed. The same connection listens on
/// <see cref="PostsDueChannel"/>, where <see cref="PostgresPostsDueAnnouncer"/> says which post slot fell due on
/// which instance.
/// </summary>
public sealed partial class PostgresCohortFeed(NpgsqlDataSource dataSource, TimeProvider time, ILogger<PostgresCohortFeed> logger) : ICohortChangeFeed
{
    public const string Channel = "devops90_cohorts";

    public const string PostsDueChannel = "devops90_posts_due";

    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    public async Task RunAsync(Func<CohortSignal, CancellationToken, Task> onSignal, CancellationToken cancellationToken)
    {
        var backoff = FirstBackoff;
        while (true)
        {
            try
            {
                await ListenAsync(onSignal, () => backoff = FirstBackoff, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogLost(logger, backoff.TotalSeconds, exception);
                await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task ListenAsync(Func<CohortSignal, CancellationToken, Task> onSignal, Action listening, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // Raised on this very task, inside the waits and queries below; handled after each of them.
        var received = new Queue<CohortSignal>();
        connection.Notification += (_, notification) =>
        {
            if (SignalOf(notification.Channel, notification.Payload) is { } signal)
            {
                received.Enqueue(signal);
            }
        };
        await ExecuteAsync(connection, $"LISTEN {Channel}; LISTEN {PostsDueChannel}", cancellationToken).ConfigureAwait(false);
        listening();
        LogListening(logger);
        await onSignal(CohortSignal.Resync, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            if (!await connection.WaitAsync(PingInterval, cancellationToken).ConfigureAwait(false))
            {
                await ExecuteAsync(connection, "SELECT 1", cancellationToken).ConfigureAwait(false);
            }

            while (received.TryDequeue(out var signal))
            {
                await onSignal(signal, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static CohortSignal? SignalOf(string channel, string payload) => channel switch
    {
        Channel => new CohortSignal(new CohortId(payload)),
        PostsDueChannel when PostgresPostsDueAnnouncer.TryRead(payload, out var due) => CohortSignal.PostsDueAt(due.Slot, due.Origin),
        _ => null,
    };

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for cohort changes of every instance")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cohort change notifications lost; listening again in {BackoffSeconds} s, then every cohort is compared with the database")]
    private static partial void LogLost(ILogger logger, double backoffSeconds, Exception exception);
}
