using System.CommandLine;

namespace DevOps90.Bot.Cli;

/// <summary>
/// <c>health [--url URL]</c>: exit 0 when the running bot answers its readiness probe with 200, else 1. The container's
/// HEALTHCHECK runs it, since the runtime image has no curl or wget.
/// </summary>
internal static class HealthCommand
{
    public const string DefaultUrl = "http://127.0.0.1:8080/healthz/ready";

    public static Command Create(TextWriter output)
    {
        var urlOption = new Option<Uri>("--url") { Description = $"The probe to ask (default {DefaultUrl}).", DefaultValueFactory = _ => new Uri(DefaultUrl) };
        var command = new Command("health", "Ask the running bot whether it is ready; exit code 0 when it is.");
        command.Options.Add(urlOption);
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(urlOption)!, output, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(Uri url, TextWriter output, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}").ConfigureAwait(false);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"no answer from {url}: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
