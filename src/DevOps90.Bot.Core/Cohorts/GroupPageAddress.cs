namespace DevOps90.Bot.Core.Cohorts;

/// <summary>
/// Where a study group's public web page is reached from outside (<c>Web:PublicBaseUrl</c> + <c>/groups/{id}</c>):
/// what the bot links to from the daily post, <c>/progress</c> and <c>/cohort page on</c>. No address when the group
/// keeps its page off, or when the deployment has no public address to give.
/// </summary>
public sealed class GroupPageAddress(Uri? publicBaseUrl)
{
    public const string PathPrefix = "/groups/";

    public static GroupPageAddress None { get; } = new(null);

    /// <summary>The page's address whether or not it is on (what <c>/cohort page on</c> will make public).</summary>
    public Uri? Of(CohortId id) =>
        publicBaseUrl is null ? null : new Uri(publicBaseUrl, publicBaseUrl.AbsolutePath.TrimEnd('/') + PathPrefix + Uri.EscapeDataString(id.Value));

    /// <summary>The address to link to: only for a group whose page is on.</summary>
    public Uri? For(Cohort cohort) => cohort.PublicPage ? Of(cohort.Id) : null;
}
