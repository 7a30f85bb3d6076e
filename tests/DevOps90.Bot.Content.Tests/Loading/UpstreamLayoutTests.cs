using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Content.Tests.Loading;

/// <summary>A synthetic checkout holding every folder shape of the upstream repository, read as one index.</summary>
public sealed class UpstreamLayoutTests
{
    private static readonly string _repository = GoldenFile.SourceFolder("Golden/Repository");

    [Fact]
    public void Load_SyntheticCheckout_MatchesExpectedJson()
    {
        var index = ContentLoader.Load([new ContentSourceOptions { Path = _repository }]);

        var difference = GoldenFile.Compare(IndexSnapshot.Of(index), _repository + ".expected.json");
        Assert.True(difference is null, difference);
    }

    [Fact]
    public void Load_SyntheticCheckout_DiscoversEditionsAndLanguagesFromFolders()
    {
        var index = ContentLoader.Load([new ContentSourceOptions { Path = _repository }]);

        Assert.Equal(
            ["2022/en", "2022/es", "2022/pl", "2022/pt-br", "2022/zh-cn", "2023/en", "2023/fr", "2024/en"],
            index.Curricula.Select(curriculum => $"{curriculum.Id}/{curriculum.Language}"));
        Assert.False(index.HasErrors);
    }

    [Fact]
    public void Load_EditionAndLanguageFilters_ReadOnlyWhatWasAskedFor()
    {
        var index = ContentLoader.Load([new ContentSourceOptions { Path = _repository, Editions = ["2022"], Languages = ["en", "ZH_CN"] }]);

        Assert.Equal(["2022/en", "2022/zh-cn"], index.Curricula.Select(curriculum => $"{curriculum.Id}/{curriculum.Language}"));
    }

    [Fact]
    public void Load_FolderLanguageOverride_NamesAFolderDiscoveryCannot()
    {
        using var folder = new TempFolder();
        folder.Write("2022/polski/day01.md", "# Pierwsze kroki\n\nTekst lekcji, który jest wystarczająco długi, aby być podsumowaniem.\n");

        var unnamed = ContentLoader.Load([new ContentSourceOptions { Path = folder.Path }]);
        var named = ContentLoader.Load([new ContentSourceOptions
        {
            Path = folder.Path,
            FolderLanguages = new() { ["2022/polski"] = "pl" },
        }]);

        Assert.Contains(unnamed.Diagnostics, diagnostic => diagnostic.Location.File == "2022/polski" && diagnostic.Message.Contains("FolderLanguages", StringComparison.Ordinal));
        Assert.Equal("pl", Assert.Single(named.Curricula).Language);
    }
}
