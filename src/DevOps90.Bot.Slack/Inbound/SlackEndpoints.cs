using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DevOps90.Bot.Slack.Inbound;

/// <summary>The three Request URLs a Slack app configured for HTTP points at.</summary>
public static class SlackEndpoints
{
    public const string CommandsPath = SlackRoutes.Commands;
    public const string InteractionsPath = SlackRoutes.Interactions;
    public const string EventsPath = SlackRoutes.Events;

    /// <summary>
    /// Maps POST /slack/commands, /slack/interactions and /slack/events. Needs <c>AddSlackHttpTransport()</c> and an
    /// <see cref="ISlackInboundHandler"/>; returns the group, for the host to add conventions (rate limits) to.
    /// </summary>
    public static RouteGroupBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/slack");
        group.MapPost("/commands", (HttpContext context, SlackHttpReceiver receiver, ISlackInboundHandler handler) =>
            receiver.ReceiveAsync(context, SlackHttpRoute.Commands, handler));
        group.MapPost("/interactions", (HttpContext context, SlackHttpReceiver receiver, ISlackInboundHandler handler) =>
            receiver.ReceiveAsync(context, SlackHttpRoute.Interactions, handler));
        group.MapPost("/events", (HttpContext context, SlackHttpReceiver receiver, ISlackInboundHandler handler) =>
            receiver.ReceiveAsync(context, SlackHttpRoute.Events, handler));
        return group;
    }
}
