using System.Text.Json;
using System.Text.Json.Nodes;
using DevOps90.Bot.Testing;
using Json.Schema;

namespace DevOps90.Bot.Discord.Tests.Contract;

/// <summary>
/// Validates JSON the bot sends against the schemas of Discord's official OpenAPI document (shared/discord). The
/// schemas are made strict first (no property they do not name), so a misspelt field fails as surely as a wrong type.
/// </summary>
internal static class DiscordContract
{
    private static readonly Lazy<JsonObject?> _definitions = new(Load);

    public static string OpenApiPath => Path.Combine(RepositoryPaths.Shared, "discord", "openapi.json");

    public static bool Available => File.Exists(OpenApiPath);

    public static string MissingMessage => $"Discord's OpenAPI document was not found at {OpenApiPath}; set DEVOPS90_SHARED to run the contract tests.";

    /// <summary>The validation errors of <paramref name="json"/> against components/schemas/<paramref name="schemaName"/>; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string schemaName, string json)
    {
        var wrapper = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$ref"] = "#/$defs/" + schemaName,
            ["$defs"] = _definitions.Value!.DeepClone(),
        };
        var schema = JsonSchema.FromText(wrapper.ToJsonString());
        using var instance = JsonDocument.Parse(json);
        var results = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation} ({detail.EvaluationPath}): {error.Key} {error.Value}"))];
    }

    private static JsonObject? Load()
    {
        if (!Available)
        {
            return null;
        }

        var text = File.ReadAllText(OpenApiPath).Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var schemas = JsonNode.Parse(text)!["components"]!["schemas"]!.AsObject();
        foreach (var (_, schema) in schemas)
        {
            MakeStrict(schema);
        }

        return (JsonObject)schemas.DeepClone();
    }

    /// <summary>Every object schema that lists its properties allows no others.</summary>
    private static void MakeStrict(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                if (schema.ContainsKey("properties") && !schema.ContainsKey("additionalProperties") && !schema.ContainsKey("unevaluatedProperties"))
                {
                    schema["unevaluatedProperties"] = false;
                }

                foreach (var (_, child) in schema.ToList())
                {
                    MakeStrict(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    MakeStrict(item);
                }

                break;
        }
    }
}
