using DevOps90.Bot.Content.Parsing;

namespace DevOps90.Bot.Content.Tests.Parsing;

public sealed class TitleCleanerTests
{
    [Theory]
    [InlineData("#90DaysOfDevOps - Introduction - Day 1", "Introduction")]
    [InlineData("#90DaysOfDevOps - Responsabilités d'un Ingénieur DevOps - Jour 2", "Responsabilités d'un Ingénieur DevOps")]
    [InlineData("#90DaysOfDevOps - Redes - Día 21", "Redes")]
    [InlineData("#90DaysOfDevOps - Jenkins 是什么 - 第七十一天", "Jenkins 是什么")]
    [InlineData("#90DaysOfDevOps - Kubernetes - 第49天", "Kubernetes")]
    [InlineData("Day 2: The Digital Factory", "The Digital Factory")]
    [InlineData("Day 91 - March 31st 2024 - Closing", "March 31st 2024 - Closing")]
    [InlineData("Introduction - Day 1", "Introduction")]
    [InlineData("The Big Picture: DevOps & Learning a Programming Language", "The Big Picture: DevOps & Learning a Programming Language")]
    [InlineData("Python 3 for Network Automation", "Python 3 for Network Automation")]
    [InlineData("90DaysOfDevOps", null)]
    [InlineData("   ", null)]
    public void Clean_UpstreamSpellings_LeaveOnlyTheTitle(string raw, string? expected)
    {
        Assert.Equal(expected, TitleCleaner.Clean(raw));
    }
}
