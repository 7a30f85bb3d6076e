using System.Text.Json;
using DevOps90.Bot.Discord.Payloads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Interactions;

/// <summary>
/// POST /discord/interactions, Discord's "Interactions Endpoint URL": verify the signature on the raw bytes (401 on
/// any doubt), refuse oversized bodies (413), then parse (400 if not an interaction) and answer.
/// </summary>
public static partial class InteractionsEndpoint
{
    public const string Path = "/discord/interactions";

    /// <summary>Interactions are a few kilobytes; far more is not Discord.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>A signed request older or newer than this is refused, so a captured one cannot be replayed later.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static IEndpointConventionBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, HandleAsync);

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        InteractionSignature signature,
        InteractionProcessor processor,
        DeferredReplies deferred,
        RecentInteractions recent,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(InteractionsEndpoint).FullName!);
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        byte[]? body;
        try
        {
            body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is BadHttpRequestException or IOException or OperationCanceledException)
        {
            return GaveUpReading(context, exception, logger);
        }

        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var timestamp = context.Request.Headers["X-Signature-Timestamp"].ToString();
        if (!signature.IsValid(timestamp, body, context.Request.Headers["X-Signature-Ed25519"].ToString()) || !IsFresh(timestamp, time))
        {
            LogRejected(logger);
            return Results.Unauthorized();
        }

        Interaction interaction;
        try
        {
            using var document = JsonDocument.Parse(body);
            interaction = Interaction.Parse(document.RootElement);
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            return Results.BadRequest();
        }

        if (interaction.Type != InteractionType.Ping && !recent.TryAdd(interaction.Id))
        {
            // Discord sends an interaction once and takes its answer from that request, so this one can only be a
            // replay (or a proxy's retry). Running the command again is what must not happen; answering with the
            // first reply would hand a member's private answer to whoever replayed it. 409 says what happened.
            LogReplayed(logger, interaction.Id);
            return Results.Conflict();
        }

        var response = await processor.RespondAsync(interaction, context.RequestAborted).ConfigureAwait(false);
        if (response is null)
        {
            return Results.BadRequest();
        }

        // A deferred reply may edit the response only once this answer, which defers it, has been sent.
        context.Response.OnCompleted(() =>
        {
            deferred.CallbackSent(interaction.Id);
            return Task.CompletedTask;
        });
        return Results.Json(response, DiscordJsonContext.Default.InteractionResponsePayload);
    }

    /// <summary>The body, or null when it is longer than allowed (a chunked body has no Content-Length to check).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Sized from Content-Length when Discord sends it (it does): one array, no growing copies.
        var buffer = new byte[request.ContentLength is > 0 and <= MaxBodyBytes and var length ? (int)length : 4096];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length >= MaxBodyBytes + 1)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return filled == buffer.Length ? buffer : buffer[..filled];
            }

            filled += read;
            if (filled > MaxBodyBytes)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// A body that never arrived whole: the client went away, reset the connection, or sent too slowly for Kestrel's
    /// minimum data rate. Routine on a public endpoint, so one Warning without a stack trace. Kestrel's own answer
    /// (400, 408) is kept when it has one; a connection that is gone is aborted rather than answered.
    /// </summary>
    private static IResult GaveUpReading(HttpContext context, Exception exception, ILogger logger)
    {
        if (exception is BadHttpRequestException badRequest)
        {
            LogBodyNotRead(logger, $"{badRequest.Message} (HTTP {badRequest.StatusCode})");
            return Results.StatusCode(badRequest.StatusCode);
        }

        LogBodyNotRead(logger, exception is OperationCanceledException ? "the request was aborted" : "the client reset the connection");
        context.Abort();
        return Results.Empty;
    }

    /// <summary>
    /// Within <see cref="MaxClockSkew"/> of now. Anything else, including a value no clock could show (not a number,
    /// negative, beyond year 9999), is not fresh: compared in seconds, so nothing overflows or throws.
    /// </summary>
    private static bool IsFresh(string timestamp, TimeProvider time) =>
        long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
        && Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) <= (long)MaxClockSkew.TotalSeconds;

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an interaction request without a valid signature")]
    private static partial void LogRejected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused interaction {InteractionId}: already received (a replayed request)")]
    private static partial void LogReplayed(ILogger logger, Snowflake interactionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up reading an interaction request: {Reason}")]
    private static partial void LogBodyNotRead(ILogger logger, string reason);
}
