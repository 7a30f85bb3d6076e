namespace DevOps90.Bot.Core.Coordination;

/// <summary>A lease as the store holds it: held by <see cref="Holder"/> until (not including) <see cref="ExpiresAt"/>.</summary>
public sealed record Lease(string Name, string Holder, DateTimeOffset ExpiresAt);
