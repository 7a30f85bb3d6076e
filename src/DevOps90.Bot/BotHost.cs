using DevOps90.Bot.Content;
using DevOps90.Bot.LocalConsole;
using DevOps90.Bot.StudyGroups;

namespace DevOps90.Bot;

/// <summary>Builds and runs the long-lived bot process.</summary>
public static class BotHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = BotConfiguration.BaseDirectory,
        });
        BotConfiguration.Apply(builder.Configuration, builder.Environment.EnvironmentName, args);

        builder.AddContent(BotConfiguration.BaseDirectory);
        builder.Services.AddHostedService<ContentReport>();
        builder.AddStudyGroups();
        builder.AddLocalConsole();

        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var app = Build(args);
        await app.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
