using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Content;

/// <summary>Stops the start when a content source folder does not exist, naming its key and the full path looked at.</summary>
internal sealed class ContentOptionsValidator(string baseDirectory) : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var path = options.Sources[i].Path;
            if (string.IsNullOrWhiteSpace(path))
            {
                errors.Add($"Content:Sources:{i}:Path is required: a folder of lessons");
                continue;
            }

            var full = Path.GetFullPath(path, baseDirectory);
            if (!Directory.Exists(full))
            {
                errors.Add($"Content:Sources:{i}:Path: the folder '{full}' does not exist (a relative path is taken from {baseDirectory}). " +
                    "Fix the path, or remove the source to use the bundled content.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
