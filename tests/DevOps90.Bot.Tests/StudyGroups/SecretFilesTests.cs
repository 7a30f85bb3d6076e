using DevOps90.Bot.Slack;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Tests.StudyGroups;

/// <summary>Tokens and signing secrets from a folder of files, one per key, as Docker and Kubernetes mount secrets.</summary>
public sealed class SecretFilesTests : IDisposable
{
    private readonly TempFolder _secrets = new();

    public void Dispose() => _secrets.Dispose();

    [Fact]
    public async Task Build_SecretFilesNamedLikeTheVariables_ConfigureSlack_WithoutTheFilesTrailingNewline()
    {
        // `echo value > file` leaves a newline; `printf` does not: both must give the value itself.
        _secrets.Write("Slack__BotToken", FakeSlackApi.DefaultBotToken + "\n");
        _secrets.Write("Slack__SigningSecret", "secret-from-a-file-0123456789");
        _secrets.Write("Slack__Transport", "Http");

        await using var host = new TestHost([$"--SecretsDirectory={_secrets.Path}", "--Cohorts:0:Target=slack:C0POSTS"]);
        var slack = host.Services.GetRequiredService<IOptions<SlackOptions>>().Value;

        Assert.Equal(FakeSlackApi.DefaultBotToken, slack.BotToken);
        Assert.Equal("secret-from-a-file-0123456789", slack.SigningSecret);
    }

    [Fact]
    public async Task Build_SettingOnTheCommandLineAndInAFile_TheCommandLineWins()
    {
        _secrets.Write("Slack__SigningSecret", "from-the-file");

        await using var host = new TestHost([$"--SecretsDirectory={_secrets.Path}", "--Slack:SigningSecret=from-the-command-line"]);

        Assert.Equal("from-the-command-line", host.Services.GetRequiredService<IConfiguration>()["Slack:SigningSecret"]);
    }

    [Fact]
    public void SecretsDirectoryOf_NothingSet_IsWhereContainersMountSecrets() =>
        Assert.Equal("/run/secrets", BotConfiguration.SecretsDirectoryOf([]));
}
