using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DevOps90.Bot.Testing;
using Json.Schema;

namespace DevOps90.Bot.Slack.Tests.Contract;

/// <summary>
/// Validates what the bot sends Slack against the JSON Schemas in shared/slack (generated from Slack's official Node
/// SDK types; strict about property names and types). Tests skip with <see cref="MissingMessage"/> when the folder
/// is absent.
/// </summary>
internal static class SlackContract
{
    private static readonly ConcurrentDictionary<string, Lazy<(JsonSchema Schema, JsonObject Text)>> _schemas = new(StringComparer.Ordinal);

    public static string Folder => Path.Combine(RepositoryPaths.Shared, "slack");

    public static bool Available => File.Exists(Path.Combine(Folder, "chat.postMessage.schema.json"));

    public static string MissingMessage => $"Slack's schemas were not found in {Folder}; set DEVOPS90_SHARED to run the contract tests.";

    /// <summary>The validation errors of <paramref name="json"/> against <paramref name="schemaFile"/> (e.g. "chat.postMessage.schema.json"); empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string schemaFile, string json)
    {
        var schema = Load(schemaFile).Schema;
        using var instance = JsonDocument.Parse(json);
        // A yes/no answer stops at the first failure and is many times faster; the details are worked out only when needed.
        if (schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
        {
            return [];
        }

        var results = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation} ({detail.EvaluationPath}): {error.Key} {error.Value}"))];
    }

    /// <summary>
    /// A form's arguments as the JSON object Slack reads them as: a string whose property the schema types as a
    /// number or a boolean becomes one ("length=5" is the number 5). Nested values were JSON already.
    /// </summary>
    public static JsonObject FromForm(string schemaFile, JsonObject arguments)
    {
        var types = PropertyTypes(Load(schemaFile).Text);
        var json = new JsonObject();
        foreach (var (name, value) in arguments)
        {
            var text = value is JsonValue scalar && scalar.TryGetValue<string>(out var s) ? s : null;
            json[name] = (text, types.GetValueOrDefault(name)) switch
            {
                ({ } number, "number" or "integer") when decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
                ({ } flag, "boolean") => flag is "true" or "1",
                _ => value?.DeepClone(),
            };
        }

        return json;
    }

    private static (JsonSchema Schema, JsonObject Text) Load(string schemaFile) =>
        _schemas.GetOrAdd(schemaFile, file => new(() =>
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!.AsObject();
            // The manifest schema names its draft (07) after its keywords, and the validator settles the dialect from
            // the first keywords it reads: without "$schema" first it refuses draft-07's "definitions".
            if (json["$schema"] is { } draft && json.First().Key != "$schema")
            {
                json.Remove("$schema");
                json.Insert(0, "$schema", draft);
            }

            return (JsonSchema.FromText(json.ToJsonString()), json);
        })).Value;

    // The root definition's properties, through its anyOf branches: name -> JSON type.
    private static Dictionary<string, string> PropertyTypes(JsonObject schema)
    {
        var root = schema["$ref"]!.GetValue<string>().Split('/')[^1];
        var definition = schema["definitions"]![root]!;
        var branches = definition["anyOf"] is JsonArray anyOf ? anyOf.Select(branch => branch!) : [definition];
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var branch in branches)
        {
            foreach (var (name, property) in branch["properties"]?.AsObject() ?? [])
            {
                if (property?["type"] is JsonValue type && type.TryGetValue<string>(out var typeName))
                {
                    types.TryAdd(name, typeName);
                }
            }
        }

        return types;
    }
}
