using System.Text.Json.Nodes;

namespace DevOps90.Bot.Testing.Slack;

/// <summary>users.info, conversations.info and usergroups.users.list over configured users, channels and groups.</summary>
public sealed partial class FakeSlackApi
{
    private readonly Dictionary<string, FakeSlackUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeSlackChannel> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _usergroups = new(StringComparer.Ordinal);

    public void AddUser(FakeSlackUser user)
    {
        lock (_lock)
        {
            _users[user.Id] = user;
        }
    }

    public void AddChannel(FakeSlackChannel channel)
    {
        lock (_lock)
        {
            _channels[channel.Id] = channel;
        }
    }

    public void SetUsergroup(string usergroupId, params string[] userIds)
    {
        lock (_lock)
        {
            _usergroups[usergroupId] = [.. userIds];
        }
    }

    /// <summary>The id of the direct message channel with a user, as conversations.open names it ("D" + the user id here).</summary>
    public static string DirectMessageOf(string userId) => "D" + userId;

    private static JsonObject OpenDirectMessage(JsonObject arguments) =>
        arguments["users"]?.GetValue<string>() is { Length: > 0 } users && !users.Contains(',', StringComparison.Ordinal)
            ? Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = DirectMessageOf(users) } })
            : Error("invalid_arguments");

    // The locale comes back only with include_locale=true, as Slack does (https://docs.slack.dev/reference/methods/users.info).
    private JsonObject UserInfo(JsonObject arguments)
    {
        FakeSlackUser? user;
        lock (_lock)
        {
            user = String(arguments, "user") is { } id ? _users.GetValueOrDefault(id) : null;
        }

        if (user is null)
        {
            return Error("user_not_found");
        }

        var json = new JsonObject
        {
            ["id"] = user.Id,
            ["team_id"] = user.TeamId,
            ["name"] = user.Name,
            ["real_name"] = user.Name,
            ["is_admin"] = user.IsAdmin,
            ["is_owner"] = user.IsOwner,
            ["is_bot"] = user.IsBot,
            ["deleted"] = false,
            ["tz"] = user.TimeZone,
        };
        if (Flag(arguments, "include_locale") && user.Locale is not null)
        {
            json["locale"] = user.Locale;
        }

        return Ok(new JsonObject { ["user"] = json });
    }

    private JsonObject ConversationInfo(JsonObject arguments)
    {
        FakeSlackChannel? channel;
        lock (_lock)
        {
            channel = String(arguments, "channel") is { } id ? _channels.GetValueOrDefault(id) : null;
        }

        return channel is null
            ? Error("channel_not_found")
            : Ok(new JsonObject
            {
                ["channel"] = new JsonObject
                {
                    ["id"] = channel.Id,
                    ["name"] = channel.Name,
                    ["is_channel"] = !channel.IsPrivate,
                    ["is_group"] = false,
                    ["is_im"] = false,
                    ["is_private"] = channel.IsPrivate,
                    ["is_archived"] = channel.IsArchived,
                    ["is_member"] = channel.IsMember,
                },
            });
    }

    private JsonObject UsergroupUsers(JsonObject arguments)
    {
        string[]? users;
        lock (_lock)
        {
            users = String(arguments, "usergroup") is { } id ? _usergroups.GetValueOrDefault(id) : null;
        }

        return users is null
            ? Error("no_such_subteam")
            : Ok(new JsonObject { ["users"] = new JsonArray([.. users.Select(user => (JsonNode)user)]) });
    }
}
