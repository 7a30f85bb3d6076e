using DevOps90.Bot.Core.Curricula;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Tests;

public sealed class BotHostTests
{
    [Fact]
    public async Task Build_DefaultSettings_ServesTheBundledCurriculum()
    {
        await using var host = new TestHost();
        var app = host.App;

        var index = app.Services.GetRequiredService<CurriculumIndex>();

        Assert.Equal(["2022/en", "2022/fr"], index.Curricula.Select(curriculum => $"{curriculum.Id}/{curriculum.Language}"));
        Assert.False(index.HasErrors);
    }

    [Fact]
    public async Task Start_EmptyDefaultCurriculum_StopsNamingTheKey()
    {
        await using var host = new TestHost(["--Content:DefaultCurriculum="]);
        var app = host.App;

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("DefaultCurriculum", exception.Message, StringComparison.Ordinal);
    }
}
