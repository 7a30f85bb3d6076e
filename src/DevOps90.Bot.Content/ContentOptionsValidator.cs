using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Content;

/// <summary>
/// Stops the start when a content source folder does not exist, naming its key and the full path looked at; a
/// repository source needs no folder yet (it is cloned), but needs the git command.
/// </summary>
internal sealed class ContentOptionsValidator(string baseDirectory, Func<bool> gitAvailable) : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        var errors = new List<string>();
        if (options.FetchInterval <= TimeSpan.Zero)
        {
            errors.Add($"Content:FetchInterval must be positive (such as 1.00:00:00 for a day), not {options.FetchInterval}");
        }

        var gitChecked = false;
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            if (source.IsRepository)
            {
                if (string.IsNullOrWhiteSpace(source.Branch))
                {
                    errors.Add($"Content:Sources:{i}:Branch is required with a Repository (such as main)");
                }

                if (!gitChecked && !gitAvailable())
                {
                    errors.Add($"Content:Sources:{i}:Repository needs the git command, which was not found on this " +
                        "host: install git, or use a folder (Content:Sources:N:Path) without Repository.");
                }

                gitChecked = true;
                continue;
            }

            var path = source.Path;
            if (string.IsNullOrWhiteSpace(path))
            {
                errors.Add($"Content:Sources:{i}:Path is required: a folder of lessons (or give a Repository to clone)");
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
