using System.Threading.RateLimiting;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Security;
using DevOps90.Bot.Web.Assets;
using DevOps90.Bot.Web.Dashboard;
using DevOps90.Bot.Web.GroupPages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Web;

public static class WebSetup
{
    // The page loads its own stylesheet and script and nothing else: no inline script, no third party, no framing.
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The groups' pages: settings (Web), the page address the bot links to, the builder and cache.</summary>
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<WebOptions>().Bind(builder.Configuration.GetSection(WebOptions.SectionName));
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        services.AddSingleton(provider => new GroupPageAddress(provider.GetRequiredService<IOptions<WebOptions>>().Value.PublicBaseUri));
        services.AddSingleton<GroupPageBuilder>();
        services.AddSingleton<GroupPageCache>();
        services.AddSingleton<CertificateLinks>();
        services.AddSingleton<Core.Reports.ICertificateLinks>(provider => provider.GetRequiredService<CertificateLinks>());
        // The cookies' keys live in the bot's database (when it has one): a restart keeps moderators signed in, and
        // instances on one PostgreSQL read each other's cookies. The application name ties keys to this bot, not to
        // the folder it runs from.
        services.AddDataProtection().SetApplicationName("DevOps90.Bot");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((keys, provider) =>
        {
            if (provider.GetService<IKeyRingStore>() is { } store)
            {
                keys.XmlRepository = new KeyRingRepository(store);
            }
        });
        services.AddHttpClient<DiscordOAuthClient>();
        services.AddHttpClient<SlackOidcClient>();
        services.AddSingleton<ModeratorSessions>();
        services.AddTransient<ModeratorCheck>();
        services.AddSingleton<DashboardData>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sign-in: 10 starts or returns a minute from one address, so the OAuth endpoints cannot be hammered.
            limiter.AddPolicy(DashboardSignIn.SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Certificates: each is drawn anew (SkiaSharp, a 1200x800 PNG), so 20 a minute from one address.
            limiter.AddPolicy(CertificateEndpoint.Limit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapGet(GroupPageAddress.PathPrefix + "{id}", ServePageAsync);
        app.MapGet(WebAssets.PathPrefix + "{name}", ServeAsset);
        CertificateEndpoint.Map(app);
        DashboardEndpoints.Map(app);
        return app;
    }

    private static async Task<IResult> ServePageAsync(string id, HttpContext context, GroupPageCache cache)
    {
        var page = await cache.GetAsync(new CohortId(id), context.RequestAborted).ConfigureAwait(false);
        if (page is null)
        {
            // The same answer for a group without a page and for no group at all: the address tells nothing.
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // Revalidated on every visit (a check-in shows at once), answered 304 while the page is the same.
        headers.CacheControl = "no-cache";
        headers.ETag = page.ETag;
        if (context.Request.Headers.IfNoneMatch == page.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(page.Body, "text/html; charset=utf-8");
    }

    private static IResult ServeAsset(string name, HttpContext context)
    {
        if (WebAssets.Find(name) is not { } asset)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        // The address carries the asset's version: a changed asset has another address.
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }
}
