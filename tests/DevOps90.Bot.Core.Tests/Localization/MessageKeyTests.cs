using System.Text.RegularExpressions;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Core.Tests.Localization;

/// <summary>Every bot text the code asks for exists, in English and in French.</summary>
public sealed partial class MessageKeyTests
{
    [Fact]
    public void Code_EveryKeyItNames_ExistsInEveryLanguage()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var named = sources.SelectMany(path => KeyLiteral().Matches(File.ReadAllText(path)).Select(match => match.Groups["key"].Value)).ToHashSet();
        // Keys built from a value: one per value.
        named.UnionWith(Enum.GetValues<DeliveryState>().Select(state => $"Status.State.{state}"));
        named.UnionWith(Enum.GetValues<PostTiming>().Select(timing => $"Cohort.Timing.{timing}"));
        named.UnionWith(Enum.GetValues<LeaderboardPeriod>().Select(period => $"Leaderboard.Title.{period}"));

        Assert.True(named.Count > 100, $"only {named.Count} keys found in the sources");
        foreach (var language in BotText.Languages)
        {
            // English is the neutral resource file; the others are satellite files of their own.
            var defined = (language == BotText.Languages[0] ? BotText.AllKeys() : BotText.KeysOf(language)).ToHashSet(StringComparer.Ordinal);
            Assert.Empty(named.Where(key => !defined.Contains(key)).Order(StringComparer.Ordinal));
        }
    }

    [GeneratedRegex(@"(?:Format\(|\[)""(?<key>[A-Z][A-Za-z]+(?:\.[A-Za-z0-9-]+)+)""")]
    private static partial Regex KeyLiteral();
}
