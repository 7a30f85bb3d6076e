using DevOps90.Bot.Core.Coordination;

namespace DevOps90.Bot.Coordination;

/// <summary>
/// Who holds which gateway shard and the Socket Mode connection, in every instance's log: what it took, lost and
/// released, and each change of holder it saw elsewhere ("Discord shard 3/8 held by web-2/41/9f0c1a").
/// </summary>
internal sealed partial class LeaseLog(ILogger<LeaseLog> logger, InstanceIdentity instance) : ILeaseObserver
{
    public void OnChange(LeaseChange change)
    {
        var slot = change.Slot?.Label ?? "";
        switch (change)
        {
            case { Kind: LeaseChangeKind.Taken }:
                Taken(logger, slot, instance.Id);
                break;
            case { Kind: LeaseChangeKind.Lost }:
                Lost(logger, slot, change.Reason ?? "");
                break;
            case { Kind: LeaseChangeKind.Released }:
                Released(logger, slot, instance.Id, change.Reason ?? "");
                break;
            case { Kind: LeaseChangeKind.HeldElsewhere, Holder: { } holder }:
                HeldElsewhere(logger, slot, holder);
                break;
            case { Kind: LeaseChangeKind.HeldElsewhere }:
                HeldByNone(logger, slot);
                break;
            case { Kind: LeaseChangeKind.WorkEnded }:
                WorkEnded(logger, slot);
                break;
            default:
                StoreFailed(logger, change.Slot is null ? change.Reason ?? "" : slot, change.Error);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Slot} held by {Instance} (this instance): taken")]
    private static partial void Taken(ILogger logger, string slot, string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Slot} lost ({Reason}): its connection here was stopped at once")]
    private static partial void Lost(ILogger logger, string slot, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Slot} released by {Instance} (this instance): {Reason}")]
    private static partial void Released(ILogger logger, string slot, string instance, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Slot} held by {Holder}")]
    private static partial void HeldElsewhere(ILogger logger, string slot, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Slot} held by no instance: its holder released it or stopped renewing it")]
    private static partial void HeldByNone(ILogger logger, string slot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Slot}: its connection ended by itself; released for any instance to take")]
    private static partial void WorkEnded(ILogger logger, string slot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease store failed ({What}); held leases stay held until they would lapse")]
    private static partial void StoreFailed(ILogger logger, string what, Exception? exception);
}
