using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.Inbound;

/// <summary>Which of Slack's three request URLs a request came to: each has its own body limit and format.</summary>
internal enum SlackHttpRoute
{
    Commands,
    Interactions,
    Events,
}

/// <summary>
/// One request from Slack, start to answer: the raw body read within its limit (413 beyond), the signature checked on
/// it before anything parses it (401 on any doubt, the handler never called), then parsed (400 if it is not what Slack
/// sends), recognised when Slack delivers it again (200 at once), and handed to the handler, whose payload is the ack.
/// </summary>
internal sealed partial class SlackHttpReceiver(
    SlackSignature signature,
    SlackRecentIds recent,
    IHostApplicationLifetime lifetime,
    ILogger<SlackHttpReceiver> logger)
{
    /// <summary>A slash command's form: its text is at most a few kilobytes, even percent-encoded.</summary>
    public const int MaxCommandBytes = 64 * 1024;

    /// <summary>An interaction carries the message it came from, blocks and all, percent-encoded: generous.</summary>
    public const int MaxInteractionBytes = 1024 * 1024;

    /// <summary>An event carries a message of up to 40,000 characters and its blocks.</summary>
    public const int MaxEventBytes = 1024 * 1024;

    internal async Task<IResult> ReceiveAsync(HttpContext context, SlackHttpRoute route, ISlackInboundHandler handler)
    {
        byte[]? body;
        try
        {
            body = await SlackRequestBody.ReadAsync(context.Request, MaxBytes(route), context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is BadHttpRequestException or IOException or OperationCanceledException)
        {
            return GaveUpReading(context, exception);
        }

        if (body is null)
        {
            LogTooLarge(logger, route, MaxBytes(route));
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var headers = context.Request.Headers;
        var signatureHeader = headers["X-Slack-Signature"].ToString();
        var check = signature.Check(headers["X-Slack-Request-Timestamp"].ToString(), signatureHeader, body);
        if (check != SlackSignatureResult.Valid)
        {
            LogRefused(logger, route, check);
            return Results.Unauthorized();
        }

        var request = route switch
        {
            SlackHttpRoute.Commands => SlackHttpParser.ParseCommand(body, signatureHeader),
            SlackHttpRoute.Interactions => SlackHttpParser.ParseInteraction(body, signatureHeader),
            _ => SlackHttpParser.ParseEvent(body),
        };
        if (request is null)
        {
            LogMalformed(logger, route);
            return Results.BadRequest();
        }

        if (request.Challenge is { } challenge)
        {
            // Slack takes the challenge back as plain text (https://docs.slack.dev/reference/events/url_verification).
            return Results.Text(challenge, "text/plain");
        }

        if (request.Inbound is not { } inbound || request.DeliveryKey is not { } key)
        {
            return Results.Ok();
        }

        if (!recent.TryAdd(key))
        {
            // An Events API retry (Slack did not see our 200 within 3 seconds) or a replay: it ran, or is running,
            // already. 200 at once, so Slack stops retrying.
            var retryNum = headers["X-Slack-Retry-Num"].ToString();
            var retryReason = headers["X-Slack-Retry-Reason"].ToString();
            LogDelivered(logger, route, key, retryNum, retryReason);
            return Results.Ok();
        }

        return await HandleAsync(context, route, handler, inbound, key).ConfigureAwait(false);
    }

    private async Task<IResult> HandleAsync(HttpContext context, SlackHttpRoute route, ISlackInboundHandler handler, SlackInbound inbound, string key)
    {
        JsonObject? ack;
        try
        {
            // Not the request's token: once started, the work finishes even if Slack stops waiting, so that its retry
            // is recognised as done rather than run again on top of half-done work. Only the host's shutdown stops it.
            ack = await handler.HandleAsync(inbound, lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Slack retries an event answered with a 5xx: that retry must run.
            recent.Forget(key);
            LogHandlerFailed(logger, route, inbound.Kind, exception);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
        catch (OperationCanceledException)
        {
            recent.Forget(key);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            LogAnsweredTooLate(logger, route, inbound.Kind);
            return Results.Empty;
        }

        return ack is null ? Results.Ok() : new JsonAnswer(ack);
    }

    private static int MaxBytes(SlackHttpRoute route) => route switch
    {
        SlackHttpRoute.Commands => MaxCommandBytes,
        SlackHttpRoute.Interactions => MaxInteractionBytes,
        _ => MaxEventBytes,
    };

    /// <summary>
    /// A body that never arrived whole: the client went away or sent too slowly for Kestrel's minimum data rate.
    /// Routine on a public endpoint: one Debug line, no stack trace. Kestrel's own answer (400, 408) is kept when it
    /// has one; a connection that is gone is aborted rather than answered.
    /// </summary>
    private IResult GaveUpReading(HttpContext context, Exception exception)
    {
        if (exception is BadHttpRequestException badRequest)
        {
            var reason = $"{badRequest.Message} (HTTP {badRequest.StatusCode})";
            LogBodyNotRead(logger, reason);
            return Results.StatusCode(badRequest.StatusCode);
        }

        var ending = exception is OperationCanceledException ? "the request was aborted" : "the connection was reset";
        LogBodyNotRead(logger, ending);
        context.Abort();
        return Results.Empty;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Slack request to {Route}: its body is over {MaxBytes} bytes")]
    private static partial void LogTooLarge(ILogger logger, SlackHttpRoute route, int maxBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a Slack request to {Route}: signature {Result}")]
    private static partial void LogRefused(ILogger logger, SlackHttpRoute route, SlackSignatureResult result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a correctly signed Slack request to {Route}: its body is not what Slack sends there")]
    private static partial void LogMalformed(ILogger logger, SlackHttpRoute route);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack delivered {DeliveryKey} to {Route} again (retry {RetryNum}, reason {RetryReason}): acknowledged without running it twice")]
    private static partial void LogDelivered(ILogger logger, SlackHttpRoute route, string deliveryKey, string retryNum, string retryReason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Slack {Kind} received at {Route} failed in its handler")]
    private static partial void LogHandlerFailed(ILogger logger, SlackHttpRoute route, SlackInboundKind kind, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack stopped waiting for the {Kind} received at {Route} before it was handled: its acknowledgement is lost")]
    private static partial void LogAnsweredTooLate(ILogger logger, SlackHttpRoute route, SlackInboundKind kind);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gave up reading a Slack request: {Reason}")]
    private static partial void LogBodyNotRead(ILogger logger, string reason);

    /// <summary>The acknowledgement written straight into the response, without a string of it first.</summary>
    private sealed class JsonAnswer(JsonObject body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await using var writer = new System.Text.Json.Utf8JsonWriter(httpContext.Response.BodyWriter);
            body.WriteTo(writer);
            await writer.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
