using DevOps90.Bot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests;

/// <summary>The real host on loopback with its own database folder, so tests never share state.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly TempFolder _data = new();

    public TestHost(IEnumerable<string>? settings = null, Action<IServiceCollection>? overrides = null) =>
        App = BotHost.Build([.. Settings(_data.Path), .. settings ?? []], overrides);

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>The host's Storage:DataDirectory (repository checkouts go under its content/ folder).</summary>
    public string DataDirectory => _data.Path;

    public static string[] Settings(string dataDirectory) =>
        ["--Urls=http://127.0.0.1:0", $"--Storage:DataDirectory={dataDirectory}"];

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
