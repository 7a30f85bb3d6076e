using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace DevOps90.Bot.Testing.Slack;

/// <summary>
/// A request's arguments as one JSON object, whichever way they came: a JSON body as is; a form (and the query
/// string) with each value as a string, except values that are JSON objects or arrays, which Slack reads as JSON.
/// </summary>
public static class FakeSlackArguments
{
    public static JsonObject Parse(string? contentType, byte[] body, IQueryCollection? query = null)
    {
        var arguments = new JsonObject();
        foreach (var (name, values) in query ?? QueryCollection.Empty)
        {
            arguments[name] = FormValue(values.ToString());
        }

        if (contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                if (JsonNode.Parse(body) is JsonObject json)
                {
                    foreach (var (name, value) in json.ToList())
                    {
                        json.Remove(name);
                        arguments[name] = value;
                    }
                }
            }
            catch (JsonException)
            {
                arguments["(invalid_json)"] = true;
            }
        }
        else if (contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var (name, values) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
            {
                arguments[name] = FormValue(values.ToString());
            }
        }

        return arguments;
    }

    private static JsonNode? FormValue(string text)
    {
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // Not JSON after all: kept as the string it is.
            }
        }

        return JsonValue.Create(text);
    }
}
