using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Coaching;

/// <summary>A member's <c>/share</c>: a link to what they published about a lesson day, with an optional note.</summary>
public sealed record Share(CohortId Cohort, string MemberId, int Day, string Url, string? Note, DateTimeOffset At);

/// <summary>A line of the shares ranking: members by how many days they shared.</summary>
public sealed record ShareCount(string MemberId, int Shares);
