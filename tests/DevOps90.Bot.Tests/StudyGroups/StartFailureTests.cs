using System.Net;
using System.Net.Sockets;
using DevOps90.Bot.LocalConsole;
using DevOps90.Bot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests.StudyGroups;

/// <summary>
/// A start that cannot succeed ends with exit code 1 and one line per problem naming the setting or path and what to
/// do, on standard error, without a stack trace.
/// </summary>
public sealed class StartFailureTests
{
    [Theory]
    [InlineData("--Storage:Provider=Foo", "Cannot start: Storage:Provider: 'Foo' is not valid here; expected one of Sqlite, Postgres.")]
    [InlineData("--Storage:Provider=Postgres", "Cannot start: Storage:ConnectionString: required when Storage:Provider is Postgres")]
    [InlineData("--Scheduling:ReconcileInterval=abc", "Cannot start: Scheduling:ReconcileInterval: 'abc' is not valid here; expected a duration such as 00:02:00")]
    [InlineData("--Scheduling:MaxAttempts=many", "Cannot start: Scheduling:MaxAttempts: 'many' is not valid here; expected a whole number.")]
    [InlineData("--Bot:DefaultLanguage=de", "Cannot start: Bot:DefaultLanguage: the bot does not speak 'de' (it speaks en, fr, es, ja, ko, pl, pt-br, tr, vi, zh-cn, zh-tw)")]
    [InlineData("--Content:DefaultCurriculum=2099", "Cannot start: Content:DefaultCurriculum: '2099' is not loaded (loaded: 2022)")]
    [InlineData("--Content:Sources:0:Path=/no/such/folder", "Cannot start: Content:Sources:0:Path: the folder '/no/such/folder' does not exist")]
    [InlineData("--Cohorts:0:Language=xx", "Cannot start: Cohorts:0:Language: 'xx' is neither a language of the 2022 lessons (en, fr) nor one the bot speaks")]
    [InlineData("--Cohorts:0:Target=discord:123456789012345678", "Cannot start: Cohorts:0:Target: 'discord:123456789012345678' is on Discord, which is not configured")]
    [InlineData("--Cohorts:0:Target=slack:C0123456789", "Cannot start: Cohorts:0:Target: 'slack:C0123456789' is on Slack, which is not configured")]
    [InlineData("--Cohorts:0:Target=teams:general", "Cannot start: Cohorts:0:Target: 'teams' is not a platform this bot serves (console, discord, slack)")]
    [InlineData("--Cohorts:0:TimeZone=Paris", "Cannot start: Cohorts:0:TimeZone: 'Paris' is not an IANA time zone")]
    public async Task Run_WrongSetting_ExitsWithOneLineNamingTheKey(string setting, string expected)
    {
        var (exit, errors) = await RunAsync([setting]);

        Assert.Equal(1, exit);
        var line = Assert.Single(Lines(errors));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Cohorts:0:Target=discord:general", "Cannot start: Cohorts:0:Target: 'general' is not a Discord channel id")]
    [InlineData("--Cohorts:0:MentionRole=learners", "Cannot start: Cohorts:0:MentionRole: 'learners' is not a Discord role id")]
    [InlineData("--Cohorts:0:Moderators:0=alice", "Cannot start: Cohorts:0:Moderators:0: 'alice' is neither a Discord user id nor role:<role id>")]
    [InlineData("--Discord:Transport=Websocket", "Cannot start: Discord:Transport: 'Websocket' is not valid here; expected one of Gateway, Http, Both.")]
    public async Task Run_WrongDiscordSetting_ExitsWithOneLineNamingTheKey(string setting, string expected)
    {
        string[] discord = ["--Discord:Token=test-token", "--Discord:ApplicationId=123456789012345678", "--Discord:RegisterCommands=false", "--Cohorts:0:Target=discord:123456789012345678"];

        var (exit, errors) = await RunAsync([.. discord, setting]);

        Assert.Equal(1, exit);
        Assert.StartsWith(expected, Assert.Single(Lines(errors)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConsoleCohortWhileDiscordIsConfigured_SaysToSetADiscordChannel()
    {
        var (exit, errors) = await RunAsync(["--Discord:Token=test-token", "--Discord:ApplicationId=123456789012345678"]);

        Assert.Equal(1, exit);
        Assert.Equal("Cannot start: Cohorts:0:Target: 'console:console' is the local console, which is off while a chat platform is configured; set it to discord:<channel id>", Assert.Single(Lines(errors)));
    }

    [Theory]
    [InlineData("--Slack:AppToken=", "Cannot start: Slack:AppToken is missing: Socket Mode needs an app-level token")]
    [InlineData("--Slack:BotToken=xoxp-a-user-token", "Cannot start: Slack:BotToken is not a bot token")]
    [InlineData("--Slack:Transport=Http", "Cannot start: Slack:SigningSecret is missing")]
    [InlineData("--Cohorts:0:Target=slack:general", "Cannot start: Cohorts:0:Target: 'general' is not a Slack channel id")]
    [InlineData("--Cohorts:0:MentionRole=learners", "Cannot start: Cohorts:0:MentionRole: 'learners' is not a Slack user group id")]
    [InlineData("--Cohorts:0:Moderators:0=alice", "Cannot start: Cohorts:0:Moderators:0: 'alice' is neither a Slack user id (U…) nor role:<user group id> (role:S…)")]
    public async Task Run_WrongSlackSetting_ExitsWithOneLineNamingTheKey(string setting, string expected)
    {
        string[] slack = ["--Slack:BotToken=xoxb-test-token", "--Slack:AppToken=xapp-test-token", "--Cohorts:0:Target=slack:C0123456789"];

        var (exit, errors) = await RunAsync([.. slack, setting]);

        Assert.Equal(1, exit);
        var line = Assert.Single(Lines(errors));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("test-token", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConsoleCohortWhileSlackIsConfigured_SaysToSetASlackChannel()
    {
        var (exit, errors) = await RunAsync(["--Slack:BotToken=xoxb-test-token", "--Slack:AppToken=xapp-test-token"]);

        Assert.Equal(1, exit);
        Assert.Equal("Cannot start: Cohorts:0:Target: 'console:console' is the local console, which is off while a chat platform is configured; set it to slack:<channel id>", Assert.Single(Lines(errors)));
    }

    [Fact]
    public async Task Run_PortInUse_NamesTheAddressAndTheSetting()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, errors) = await RunAsync([$"--Urls=http://127.0.0.1:{port}"]);

        Assert.Equal(1, exit);
        Assert.Equal($"Cannot start: Urls: cannot listen on http://127.0.0.1:{port}: the address is in use (is the bot already running?). Choose a free port, e.g. --Urls=http://127.0.0.1:5091 or ASPNETCORE_URLS.", Assert.Single(Lines(errors)));
    }

    [Fact]
    public async Task Run_DatabaseFileThatIsNotADatabase_NamesThePathAndWhatToDo()
    {
        using var data = new TempFolder();
        var file = Path.Combine(data.Path, "devops90-bot.db");
        await File.WriteAllTextAsync(file, string.Concat(Enumerable.Repeat("not a database at all ", 40)));

        var (exit, errors) = await RunAsync([], data);

        Assert.Equal(1, exit);
        Assert.Equal($"Cannot start: Storage: '{file}' is not a SQLite database (damaged, or another kind of file). Move it aside to start with a new one, or restore a backup; Storage:DataDirectory and Storage:FileName choose the file.", Assert.Single(Lines(errors)));
    }

    [Theory]
    [InlineData("Host=db;Password=hunter2;Colour=blue", "Cannot start: Storage:ConnectionString: is not a PostgreSQL connection string")]
    [InlineData("Host=127.0.0.1;Port=1;Database=bot;Username=bot;Password=hunter2", "Cannot start: Storage: cannot use the PostgreSQL database 127.0.0.1:1/bot as bot: ")]
    public async Task Run_PostgresConnectionStringNotUsable_SaysWhyWithoutThePassword(string connectionString, string expected)
    {
        var (exit, errors) = await RunAsync(["--Storage:Provider=Postgres", $"--Storage:ConnectionString={connectionString}"]);

        Assert.Equal(1, exit);
        var line = Assert.Single(Lines(errors));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SecondBotOnTheSameSqliteFile_IsRefusedAndPointedToPostgres()
    {
        using var data = new TempFolder();
        await using var running = BotHost.Build(TestHost.Settings(data.Path), services => services.AddSingleton(new ConsoleIO(new StringReader(""), TextWriter.Null, isInteractive: false)));
        await running.StartAsync();

        var (exit, errors) = await RunAsync([], data);
        await running.StopAsync();

        Assert.Equal(1, exit);
        var line = Assert.Single(Lines(errors));
        Assert.StartsWith($"Cannot start: Storage: '{Path.Combine(data.Path, "devops90-bot.db")}' is used by another running bot", line, StringComparison.Ordinal);
        Assert.Contains("To run several instances, use PostgreSQL (Storage:Provider=Postgres", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8, "is read-only. The bot writes to the file and its folder")]
    [InlineData(14, "Storage: cannot open '/data/bot.db'. Check that its folder exists and that the bot may read and write it (Storage:DataDirectory).")]
    [InlineData(11, "is damaged. Move it aside")]
    [InlineData(5, "is locked by another process.")]
    public void Describe_SqliteErrors_NameTheFileAndWhatToDo(int code, string expected)
    {
        var lines = StartupFailure.Describe(new SqliteException("SQLite Error", code), "/data/bot.db");

        Assert.Contains(expected, Assert.Single(lines), StringComparison.Ordinal);
        Assert.Contains("'/data/bot.db'", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ConversionOfASecret_DoesNotRepeatTheValue()
    {
        var exception = new InvalidOperationException("Failed to convert configuration value 'sup3r-secret' at 'Slack:SigningSecret' to type 'System.Int32'.");

        var line = Assert.Single(StartupFailure.Describe(exception, null));

        Assert.DoesNotContain("sup3r-secret", line, StringComparison.Ordinal);
        Assert.StartsWith("Slack:SigningSecret: (hidden) is not valid here", line, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<(int Exit, string Errors)> RunAsync(string[] settings, TempFolder? data = null)
    {
        using var own = new TempFolder();
        var errors = new StringWriter();
        var exit = await BotHost.RunAsync(
            [.. TestHost.Settings((data ?? own).Path), .. settings],
            errors,
            services => services.AddSingleton(new ConsoleIO(new StringReader(""), TextWriter.Null, isInteractive: false)),
            CancellationToken.None);
        SqliteConnection.ClearAllPools();
        return (exit, errors.ToString());
    }
}
