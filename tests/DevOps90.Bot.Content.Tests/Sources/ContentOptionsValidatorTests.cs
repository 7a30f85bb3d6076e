using DevOps90.Bot.Testing;
using Microsoft.Extensions.Configuration;

namespace DevOps90.Bot.Content.Tests.Sources;

public sealed class ContentOptionsValidatorTests : IDisposable
{
    private readonly TempFolder _base = new();

    public void Dispose() => _base.Dispose();

    [Fact]
    public void Validate_RepositoryWithoutGit_FailsNamingTheRepositoryKey()
    {
        var options = new ContentOptions
        {
            Sources = [new() { Path = _base.Path }, new() { Repository = "https://example.org/r.git", Path = "not-there" }],
        };

        var result = new ContentOptionsValidator(_base.Path, () => false).Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Content:Sources:1:Repository needs the git command", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RepositoryWhoseFolderDoesNotExistYet_Succeeds()
    {
        var options = new ContentOptions { Sources = [new() { Repository = "https://example.org/r.git", Path = "not-there" }] };

        Assert.True(new ContentOptionsValidator(_base.Path, () => true).Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_FolderThatDoesNotExist_FailsNamingThePathKey()
    {
        var options = new ContentOptions { Sources = [new() { Path = "not-there" }] };

        var failure = Assert.Single(new ContentOptionsValidator(_base.Path, () => true).Validate(null, options).Failures!);

        Assert.StartsWith("Content:Sources:0:Path: the folder", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroFetchInterval_FailsNamingTheKey()
    {
        var options = new ContentOptions { Sources = [new() { Path = _base.Path }], FetchInterval = TimeSpan.Zero };

        var failure = Assert.Single(new ContentOptionsValidator(_base.Path, () => true).Validate(null, options).Failures!);

        Assert.StartsWith("Content:FetchInterval must be positive", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOptions_RepositoryWithoutPath_ChecksOutUnderTheCheckoutFolderByItsName()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Content:Sources:0:Repository"] = "https://github.com/MichaelCade/90DaysOfDevOps.git",
        }).Build();

        var source = Assert.Single(ContentSetup.ReadOptions(configuration, Path.Combine("data", "content")).Sources);

        Assert.Equal(Path.Combine("data", "content", "90DaysOfDevOps"), source.Path);
        Assert.Equal("main", source.Branch);
        Assert.Equal(TimeSpan.FromDays(1), new ContentOptions().FetchInterval);
    }
}
