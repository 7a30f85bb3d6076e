using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.Commands;

/// <summary>What the bot needs to know of a Slack user: whether the workspace counts them as its admin, and their language.</summary>
internal sealed record SlackUser(string Id, bool IsAdmin, string? Locale, string? Name = null);

/// <summary>
/// users.info and usergroups.users.list, remembered for a few minutes: every command asks who its member is (Slack
/// sends no permissions and no locale with a command), and a burst of commands must not spend the method's rate
/// limit (Tier 4) on the same answer.
/// </summary>
internal sealed partial class SlackUsers(ISlackApi api, TimeProvider time, ILogger<SlackUsers> logger)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan FailureFreshness = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (SlackUser User, DateTimeOffset At)> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (HashSet<string> Members, DateTimeOffset At)> _groups = new(StringComparer.Ordinal);

    /// <summary>The user as Slack describes them; without admin rights or locale when Slack cannot say (logged).</summary>
    public async Task<SlackUser> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (_users.TryGetValue(userId, out var known) && time.GetUtcNow() - known.At < Freshness)
        {
            return known.User;
        }

        try
        {
            var answer = await api.CallAsync("users.info", new JsonObject { ["user"] = userId, ["include_locale"] = true }, cancellationToken).ConfigureAwait(false);
            var user = answer.GetProperty("user");
            var found = new SlackUser(
                userId,
                // Workspace owners and admins run the workspace; the cohort's own moderators are added by the dispatcher.
                Flag(user, "is_admin") || Flag(user, "is_owner") || Flag(user, "is_primary_owner"),
                user.TryGetProperty("locale", out var locale) && locale.ValueKind == JsonValueKind.String ? locale.GetString() : null,
                NameOf(user));
            _users[userId] = (found, time.GetUtcNow());
            return found;
        }
        catch (SlackApiException exception)
        {
            LogLookupFailed(logger, "users.info", exception.Error, exception.Message);
            // Remembered for a while too: while Slack cannot answer (a missing scope, an outage), every command would
            // otherwise wait for the same failure again.
            var unknown = new SlackUser(userId, IsAdmin: false, Locale: null);
            _users[userId] = (unknown, time.GetUtcNow() - Freshness + FailureFreshness);
            return unknown;
        }
    }

    /// <summary>The cohort's moderator user groups ("role:S…") the user is in: what the dispatcher compares with its list.</summary>
    public async Task<ImmutableArray<string>> ModeratorGroupsAsync(Cohort cohort, string userId, CancellationToken cancellationToken = default)
    {
        var groups = ImmutableArray.CreateBuilder<string>();
        foreach (var entry in cohort.Moderators.Where(entry => entry.StartsWith("role:", StringComparison.Ordinal)))
        {
            var group = entry["role:".Length..];
            if (await InGroupAsync(group, userId, cancellationToken).ConfigureAwait(false))
            {
                groups.Add(group);
            }
        }

        return groups.ToImmutable();
    }

    /// <summary>Whether the user is in the user group; false when Slack cannot say (logged), so nobody gains rights by an outage.</summary>
    public async Task<bool> InGroupAsync(string usergroupId, string userId, CancellationToken cancellationToken = default)
    {
        if (!_groups.TryGetValue(usergroupId, out var known) || time.GetUtcNow() - known.At >= Freshness)
        {
            try
            {
                var answer = await api.CallAsync("usergroups.users.list", new JsonObject { ["usergroup"] = usergroupId }, cancellationToken).ConfigureAwait(false);
                var members = answer.GetProperty("users").EnumerateArray().Select(member => member.GetString() ?? "").ToHashSet(StringComparer.Ordinal);
                known = (members, time.GetUtcNow());
                _groups[usergroupId] = known;
            }
            catch (SlackApiException exception)
            {
                LogLookupFailed(logger, "usergroups.users.list", exception.Error, exception.Message);
                return false;
            }
        }

        return known.Members.Contains(userId);
    }

    /// <summary>What Slack shows for the user: their display name, else their full name, else their handle.</summary>
    private static string? NameOf(JsonElement user)
    {
        var profile = user.TryGetProperty("profile", out var found) && found.ValueKind == JsonValueKind.Object ? found : default;
        return new[] { Text(profile, "display_name"), Text(profile, "real_name"), Text(user, "real_name"), Text(user, "name") }
            .FirstOrDefault(name => !string.IsNullOrWhiteSpace(name));
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement user, string name) =>
        user.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed ({Error}): {Reason}; the command goes on without it")]
    private static partial void LogLookupFailed(ILogger logger, string method, string error, string reason);
}
