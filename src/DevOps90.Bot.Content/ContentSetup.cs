using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Content;

public static class ContentSetup
{
    /// <summary>The bundled curriculum, used when no source is configured.</summary>
    public const string BundledFolder = "content";

    /// <summary>
    /// Registers the content options (validated at start) and the curriculum index, read once from the configured
    /// sources on first use; paths resolve from <paramref name="baseDirectory"/>.
    /// </summary>
    public static IHostApplicationBuilder AddContent(this IHostApplicationBuilder builder, string baseDirectory)
    {
        builder.Services.AddOptionsWithValidateOnStart<ContentOptions>()
            .Bind(builder.Configuration.GetSection(ContentOptions.SectionName))
            .PostConfigure(UseBundledWhenEmpty)
            .ValidateDataAnnotations();
        builder.Services.AddSingleton<IValidateOptions<ContentOptions>>(new ContentOptionsValidator(baseDirectory));
        builder.Services.AddSingleton(services =>
            ContentLoader.Load(services.GetRequiredService<IOptions<ContentOptions>>().Value.Sources, baseDirectory));
        return builder;
    }

    public static ContentOptions ReadOptions(IConfiguration configuration)
    {
        var options = new ContentOptions();
        configuration.GetSection(ContentOptions.SectionName).Bind(options);
        UseBundledWhenEmpty(options);
        return options;
    }

    private static void UseBundledWhenEmpty(ContentOptions options)
    {
        if (options.Sources.Count == 0)
        {
            options.Sources.Add(new ContentSourceOptions { Path = BundledFolder });
        }
    }
}
