using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Coordination;
using Npgsql;

namespace DevOps90.Bot.Storage.Postgres;

/// <summary>
/// Tells every instance listening (<see cref="PostgresCohortFeed"/>) that a post slot fell due here: one NOTIFY on
/// <see cref="PostgresCohortFeed.PostsDueChannel"/> whose payload is the slot's name and this instance's id
/// ("18:00:00 Europe/Paris|host/123/ab12cd"), far under NOTIFY's 8,000 bytes.
/// </summary>
public sealed class PostgresPostsDueAnnouncer(NpgsqlDataSource dataSource, InstanceIdentity instance) : IPostsDueAnnouncer
{
    private const char Separator = '|';

    public async Task AnnounceAsync(PostSlot slot, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_notify(@Channel, @Payload)");
        command.Parameters.AddWithValue("Channel", PostgresCohortFeed.PostsDueChannel);
        command.Parameters.AddWithValue("Payload", slot.Name + Separator + instance.Id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The slot and the announcing instance of a payload; false for one this version cannot read.</summary>
    public static bool TryRead(string payload, out PostsDue due)
    {
        due = null!;
        var separator = payload.IndexOf(Separator, StringComparison.Ordinal);
        if (separator < 0 || !PostSlot.TryParse(payload[..separator], out var slot))
        {
            return false;
        }

        due = new PostsDue(slot, payload[(separator + 1)..]);
        return true;
    }
}
