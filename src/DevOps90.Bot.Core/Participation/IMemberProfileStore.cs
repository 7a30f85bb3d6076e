namespace DevOps90.Bot.Core.Participation;

/// <summary>
/// What the group's web page may say of a member: the name they show in their community (never their id), and
/// whether they hid themselves from the page (<c>/page hide</c>). A member without a profile has no name to show.
/// </summary>
public sealed record MemberProfile(string MemberId, string? DisplayName, bool Hidden);

/// <summary>Where member profiles are kept (storage implements it); <c>/forget-me</c> deletes a member's.</summary>
public interface IMemberProfileStore
{
    /// <summary>Records the member's current display name, keeping whether they are hidden.</summary>
    Task RememberNameAsync(string memberId, string displayName, CancellationToken cancellationToken = default);

    /// <summary>Hides the member from every group's web page, or shows them again.</summary>
    Task SetHiddenAsync(string memberId, bool hidden, CancellationToken cancellationToken = default);

    /// <summary>The profiles of those members that have one.</summary>
    Task<IReadOnlyDictionary<string, MemberProfile>> FindAsync(IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken = default);

    /// <summary>Deletes the member's profile (the check-ins' deletion that follows scrubs the file).</summary>
    Task ForgetAsync(string memberId, CancellationToken cancellationToken = default);
}
