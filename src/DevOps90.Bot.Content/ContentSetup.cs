using DevOps90.Bot.Content.Git;
using DevOps90.Bot.Core.Curricula;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Content;

public static class ContentSetup
{
    /// <summary>The bundled curriculum, used when no source is configured.</summary>
    public const string BundledFolder = "content";

    /// <summary>
    /// Registers the content options (validated at start) and the <see cref="ContentLibrary"/>, read from the
    /// configured sources on first use (cloning repositories that have no checkout yet), then kept current: repository
    /// sources are fetched every Content:FetchInterval and local folders are watched. Paths resolve from
    /// <paramref name="baseDirectory"/>; checkouts go under <paramref name="checkoutDirectory"/> unless a source names
    /// its own Path.
    /// </summary>
    public static IHostApplicationBuilder AddContent(this IHostApplicationBuilder builder, string baseDirectory, string checkoutDirectory)
    {
        builder.Services.AddOptionsWithValidateOnStart<ContentOptions>()
            .Bind(builder.Configuration.GetSection(ContentOptions.SectionName))
            .PostConfigure(options => Complete(options, checkoutDirectory));
        builder.Services.AddSingleton<IValidateOptions<ContentOptions>, ContentOptionsAttributeValidator>();
        builder.Services.AddSingleton<GitCommand>(_ => new GitCommand());
        builder.Services.AddSingleton<IValidateOptions<ContentOptions>>(services =>
            new ContentOptionsValidator(baseDirectory, services.GetRequiredService<GitCommand>().IsAvailable));
        builder.Services.AddSingleton(services => new ContentRefresher(
            services.GetRequiredService<IOptions<ContentOptions>>().Value.Sources,
            baseDirectory,
            services.GetRequiredService<GitCommand>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetRequiredService<ILogger<ContentRefresher>>()));
        builder.Services.AddSingleton(services => services.GetRequiredService<ContentRefresher>().Library);
        // For code that wants the index of this moment; anything that lives longer holds the library instead.
        builder.Services.AddTransient(services => services.GetRequiredService<ContentLibrary>().Current);
        builder.Services.AddHostedService<ContentWatcher>();
        return builder;
    }

    /// <param name="checkoutDirectory">Where repository sources without a Path are cloned (as in AddContent).</param>
    public static ContentOptions ReadOptions(IConfiguration configuration, string? checkoutDirectory = null)
    {
        var options = new ContentOptions();
        configuration.GetSection(ContentOptions.SectionName).Bind(options);
        Complete(options, checkoutDirectory ?? "checkouts");
        return options;
    }

    private static void Complete(ContentOptions options, string checkoutDirectory)
    {
        if (options.Sources.Count == 0)
        {
            options.Sources.Add(new ContentSourceOptions { Path = BundledFolder });
        }

        foreach (var source in options.Sources.Where(source => source.IsRepository && string.IsNullOrWhiteSpace(source.Path)))
        {
            source.Path = Path.Combine(checkoutDirectory, RedactedUrl.RepositoryName(source.Repository!));
        }
    }
}
