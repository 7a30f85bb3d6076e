namespace DevOps90.Bot.Core.Delivery;

public enum RoleGrantOutcome
{
    Given,

    /// <summary>The platform has no roles.</summary>
    NotSupported,

    /// <summary>The platform will not give it (a missing permission, a role above the bot's own, an unknown role).</summary>
    Refused,

    /// <summary>Worth trying at the next milestone (a timeout, a 5xx).</summary>
    TransientFailure,
}

public sealed record RoleGrantResult(RoleGrantOutcome Outcome, string? Reason = null);
