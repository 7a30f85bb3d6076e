using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Posts;

namespace DevOps90.Bot.Core.Delivery;

/// <summary>
/// What the ledger counts once: one cohort's post about one lesson day ("day-3"), or its closing post ("closing").
/// </summary>
public readonly record struct DeliveryKey(CohortId Cohort, string Post)
{
    public static DeliveryKey For(PlannedPost post) =>
        new(post.Cohort, post.Kind == PostKind.Closing ? "closing" : "day-" + post.LessonDay.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The same key on every attempt, short enough for any platform (Discord's nonce is at most 25 characters):
    /// a platform that saw it before returns the earlier message instead of posting again.
    /// </summary>
    public string IdempotencyKey
    {
        get
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Cohort.Value}\n{Post}"));
            return "d90-" + Convert.ToHexStringLower(hash.AsSpan(0, 10));
        }
    }

    public override string ToString() => $"{Cohort}/{Post}";
}
