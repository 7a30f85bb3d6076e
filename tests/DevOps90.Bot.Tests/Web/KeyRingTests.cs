using Dapper;
using DevOps90.Bot.Storage;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Postgres;
using DevOps90.Bot.Tests.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Tests.Web;

/// <summary>
/// The dashboard's cookie keys live in the bot's database: a restart on the same SQLite file, and another instance on
/// the same PostgreSQL, read a cookie the first one wrote (the default, the user's profile folder, is lost with a
/// container and is not shared between machines).
/// </summary>
public sealed class KeyRingTests
{
    private const string Purpose = "DevOps90.Bot.Tests.KeyRing";

    [Fact]
    public async Task Sqlite_ARestartOnTheSameFile_ReadsWhatTheFirstStartProtected()
    {
        using var data = new TempFolder();
        string[] settings = [.. TestHost.Settings(data.Path)];

        var (written, keys) = await ProtectAsync(settings, "signed in");
        var read = await UnprotectAsync(settings, written);

        Assert.Equal("signed in", read);
        Assert.True(keys >= 1, "no key in data_protection_keys");
    }

    [SkippableFact]
    public async Task Postgres_AnotherInstance_ReadsWhatTheFirstProtected()
    {
        var skip = await TestPostgres.SkipReasonAsync();
        Skip.If(skip is not null, skip);
        await using var database = await TestPostgres.CreateDatabaseAsync();
        using var first = new TempFolder();
        using var second = new TempFolder();

        var (written, keys) = await ProtectAsync([.. TestHost.Settings(first.Path), .. QuartzStoreTests.Settings(database)], "signed in");
        var read = await UnprotectAsync([.. TestHost.Settings(second.Path), .. QuartzStoreTests.Settings(database)], written);

        Assert.Equal("signed in", read);
        Assert.True(keys >= 1, "no key in data_protection_keys");
    }

    private static async Task<(string Protected, long Keys)> ProtectAsync(string[] settings, string text)
    {
        await using var host = await StartAsync(settings);
        var written = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect(text);
        await using var connection = await host.Services.GetRequiredService<IDatabase>().OpenAsync();
        var keys = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM data_protection_keys");
        await host.StopAsync();
        return (written, keys);
    }

    private static async Task<string> UnprotectAsync(string[] settings, string written)
    {
        await using var host = await StartAsync(settings);
        var read = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(written);
        await host.StopAsync();
        return read;
    }

    private static async Task<WebApplication> StartAsync(string[] settings)
    {
        var host = BotHost.Build(settings, SchedulingHost.Console(TextWriter.Null, new FakeTimeProvider(TimeProvider.System.GetUtcNow())));
        await host.StartAsync();
        return host;
    }
}
