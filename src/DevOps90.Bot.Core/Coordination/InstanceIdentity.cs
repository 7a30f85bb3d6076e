using System.Security.Cryptography;

namespace DevOps90.Bot.Core.Coordination;

/// <summary>
/// Who this process is to the other instances: the owner named on its leases and shown in /status and the logs.
/// Machine and process id tell an operator where to look; the random part keeps a restarted process (same machine,
/// a reused pid) from being taken for the one that died, whose leases must expire rather than be renewed.
/// </summary>
public sealed record InstanceIdentity(string Id)
{
    public static InstanceIdentity ForThisProcess() =>
        new($"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}");

    public override string ToString() => Id;
}
