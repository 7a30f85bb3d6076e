using Dapper;
using DevOps90.Bot.Core.Participation;

namespace DevOps90.Bot.Storage;

/// <summary>Member profiles, one row per member; the same statements on SQLite and PostgreSQL but for the list of ids.</summary>
public sealed class SqlMemberProfileStore(IDatabase database) : IMemberProfileStore
{
    // Longer names are cut: Discord's nickname limit is 32 characters, Slack's display name 80.
    private const int MaxNameLength = 80;

    public Task RememberNameAsync(string memberId, string displayName, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            connection => connection.ExecuteAsync(
                "INSERT INTO member_profiles (member_id, display_name, hidden) VALUES (@Member, @Name, 0) " +
                "ON CONFLICT (member_id) DO UPDATE SET display_name = excluded.display_name",
                new { Member = memberId, Name = Cut(displayName), cancellationToken }),
            cancellationToken);

    public Task SetHiddenAsync(string memberId, bool hidden, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            connection => connection.ExecuteAsync(
                "INSERT INTO member_profiles (member_id, display_name, hidden) VALUES (@Member, NULL, @Hidden) " +
                "ON CONFLICT (member_id) DO UPDATE SET hidden = excluded.hidden",
                new { Member = memberId, Hidden = hidden ? 1 : 0, cancellationToken }),
            cancellationToken);

    public async Task<IReadOnlyDictionary<string, MemberProfile>> FindAsync(IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken = default)
    {
        if (memberIds.Count == 0)
        {
            return new Dictionary<string, MemberProfile>();
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT member_id AS MemberId, display_name AS DisplayName, hidden AS Hidden FROM member_profiles WHERE {database.Dialect.IsOneOf("member_id", "@Members")}",
            new { Members = database.Dialect.ListOf([.. memberIds]) }).ConfigureAwait(false);
        return rows.ToDictionary(row => row.MemberId, row => new MemberProfile(row.MemberId, row.DisplayName, row.Hidden != 0), StringComparer.Ordinal);
    }

    public Task ForgetAsync(string memberId, CancellationToken cancellationToken = default) =>
        database.RunAsync(connection => connection.ExecuteAsync("DELETE FROM member_profiles WHERE member_id = @Member", new { Member = memberId, cancellationToken }), cancellationToken);

    private static string Cut(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length <= MaxNameLength ? trimmed : trimmed[..MaxNameLength];
    }

    internal sealed class Row
    {
        public string MemberId { get; set; } = "";

        public string? DisplayName { get; set; }

        public long Hidden { get; set; }
    }
}
