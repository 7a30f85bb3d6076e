using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Reports;

/// <summary>
/// Private, expiring web links to a member's own certificate, given with <c>/certificate</c> (the web project signs
/// them). Null when the deployment has no public address to link to.
/// </summary>
public interface ICertificateLinks
{
    /// <summary>How long a link works after it is given.</summary>
    TimeSpan Lifetime { get; }

    /// <summary>A link to <paramref name="memberId"/>'s certificate in <paramref name="cohort"/>, drawn in <paramref name="language"/>.</summary>
    Uri? LinkFor(CohortId cohort, string memberId, string language);
}
