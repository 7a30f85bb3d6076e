using DevOps90.Bot.Content.Parsing;

namespace DevOps90.Bot.Content.Tests.Parsing;

public sealed class EditionIndexParserTests
{
    private const string Index = """
        # Index

        ## Progress

        - [✔️] ♾️ 1 > [Introduction](2022/Days/day01.md)

        ### What is and why do we use DevOps

        - [✔️] ♾️ 2 > [Responsibilities of a **DevOps** Engineer](2022/Days/day02.md)
        - [✔️] ♾️ 5 > [Plan > Code > Build > Monitor >](2022/Days/day05.md)
        - [✔️] ♾️ [No number on this line](2022/Days/day06.md)

        ###

        - [] ⌨️ 7 > [](2023/day07.md)

        ## Agenda

        - [✔️][✔️] ♾️ 8 > [Talk title](2024/day08.md) - A Speaker
        - [ ][ ] ♾️ 91 > [Day 91 - Closing](2024/day90.md) - Host
        - A talk without a day - Somebody
        """;

    [Fact]
    public void Parse_RealShapes_ReadsEveryDayLine()
    {
        var warnings = new List<(int Line, string Message)>();

        var entries = EditionIndexParser.Parse(Index, (line, message) => warnings.Add((line, message)));

        Assert.Equal([1, 2, 5, 6, 7, 8, 91], entries.Select(entry => entry.Day));
        Assert.Equal(
            ["Introduction", "Responsibilities of a DevOps Engineer", "Plan > Code > Build > Monitor >", "No number on this line", null, "Talk title", "Closing"],
            entries.Select(entry => entry.Title));
        Assert.Equal(
            [null, "What is and why do we use DevOps", "What is and why do we use DevOps", "What is and why do we use DevOps", null, null, null],
            entries.Select(entry => entry.Topic));
        var warning = Assert.Single(warnings);
        Assert.Equal(20, warning.Line);
        Assert.Contains("day 91", warning.Message, StringComparison.Ordinal);
    }
}
