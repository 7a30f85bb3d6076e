using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Content;

/// <summary>
/// Checks the attributes on <see cref="ContentOptions"/> with code generated at build time, where
/// <c>ValidateDataAnnotations()</c> would find them by reflection (not promised under trimming or Native AOT).
/// </summary>
[OptionsValidator]
internal sealed partial class ContentOptionsAttributeValidator : IValidateOptions<ContentOptions>;
