using DevOps90.Bot.Content.Parsing;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Content.Tests.Parsing;

/// <summary>One synthetic file per real shape of the upstream lessons, each with its expected reading beside it.</summary>
public sealed class LessonGoldenTests
{
    private static readonly string _folder = GoldenFile.SourceFolder("Golden/Lessons");

    public static TheoryData<string> Fixtures() =>
        [.. Directory.EnumerateFiles(_folder, "*.md").Select(path => Path.GetFileNameWithoutExtension(path)).Order()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_Fixture_MatchesExpectedJson(string name)
    {
        var text = SourceText.Decode(File.ReadAllBytes(Path.Combine(_folder, name + ".md")), out _);

        var snapshot = LessonSnapshot.Of(text);

        var difference = GoldenFile.Compare(snapshot, Path.Combine(_folder, name + ".expected.json"));
        Assert.True(difference is null, difference);
    }
}
