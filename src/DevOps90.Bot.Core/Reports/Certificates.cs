using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Reports;

/// <summary>A certificate, or how far the member still is from one.</summary>
public sealed record CertificateOutcome(ReplyAttachment? Image, int DaysDone, int TotalDays)
{
    public int DaysLeft => Math.Max(0, TotalDays - DaysDone);
}

/// <summary>
/// Certificates of completion: a member who has done every lesson day of the group's curriculum (90 for the 2022
/// edition, or the edition's own count) gets a PNG with their name, the group, the edition, the group's first day and
/// their last check-in's date, and the days done, in <paramref name="text"/>'s language. Shared by <c>/certificate</c>
/// and the web dashboard, so both draw the same image.
/// </summary>
public sealed class Certificates(ParticipationService participation, ContentLibrary content, ICertificateRenderer renderer)
{
    public async Task<CertificateOutcome> ForAsync(Cohort cohort, string memberId, string? displayName, BotText text, CancellationToken cancellationToken = default)
    {
        var days = await participation.DaysAsync(cohort, memberId, cancellationToken).ConfigureAwait(false);
        var done = days.Done.Count(day => day >= 1 && day <= days.LastDay);
        if (days.LastDay == 0 || done < days.LastDay)
        {
            return new CertificateOutcome(null, done, days.LastDay);
        }

        var start = participation.DateOfLesson(cohort, 1) ?? cohort.StartDate;
        var finish = ParticipationClock.LocalDate(days.CheckIns.Max(checkIn => checkIn.At), cohort.TimeZone);
        var edition = content.Current.FindBest(cohort.CurriculumId, text.Language)?.Edition ?? cohort.CurriculumId;
        var name = string.IsNullOrWhiteSpace(displayName) ? await NameAsync(memberId, text, cancellationToken).ConfigureAwait(false) : displayName.Trim();
        var card = new CertificateCard(
            text["Certificate.Heading"],
            name,
            text["Certificate.Completed"],
            text.Format("Certificate.Group", cohort.Id.Value),
            text.Format("Certificate.Edition", edition),
            text.Format("Certificate.Dates", text.DateWithYear(start), text.DateWithYear(finish)),
            text.Format("Certificate.Days", done, days.LastDay));
        var png = renderer.Render(card);
        return new CertificateOutcome(new ReplyAttachment($"certificate-{cohort.Id}.png", ReplyAttachment.Png, png, card.Heading), done, days.LastDay);
    }

    private async Task<string> NameAsync(string memberId, BotText text, CancellationToken cancellationToken) =>
        await participation.DisplayNameAsync(memberId, cancellationToken).ConfigureAwait(false) ?? text["Certificate.Member"];
}
