using System.Collections.Concurrent;
using DevOps90.Bot.Core.Participation;

namespace DevOps90.Bot.Testing;

/// <summary>Member profiles in memory, with the rules of the SQL store.</summary>
public sealed class InMemoryMemberProfileStore : IMemberProfileStore
{
    private readonly ConcurrentDictionary<string, MemberProfile> _profiles = new(StringComparer.Ordinal);

    public Task RememberNameAsync(string memberId, string displayName, CancellationToken cancellationToken = default)
    {
        _profiles.AddOrUpdate(memberId, id => new MemberProfile(id, displayName.Trim(), false), (_, existing) => existing with { DisplayName = displayName.Trim() });
        return Task.CompletedTask;
    }

    public Task SetHiddenAsync(string memberId, bool hidden, CancellationToken cancellationToken = default)
    {
        _profiles.AddOrUpdate(memberId, id => new MemberProfile(id, null, hidden), (_, existing) => existing with { Hidden = hidden });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, MemberProfile>> FindAsync(IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, MemberProfile>>(memberIds
            .Where(_profiles.ContainsKey)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => _profiles[id], StringComparer.Ordinal));

    public Task ForgetAsync(string memberId, CancellationToken cancellationToken = default)
    {
        _profiles.TryRemove(memberId, out _);
        return Task.CompletedTask;
    }
}
