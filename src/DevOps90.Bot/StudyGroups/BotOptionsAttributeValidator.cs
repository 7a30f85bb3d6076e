using Microsoft.Extensions.Options;

namespace DevOps90.Bot.StudyGroups;

/// <summary>
/// Checks the attributes on <see cref="BotOptions"/> with code generated at build time, where
/// <c>ValidateDataAnnotations()</c> would find them by reflection (not promised under trimming or Native AOT).
/// </summary>
[OptionsValidator]
internal sealed partial class BotOptionsAttributeValidator : IValidateOptions<BotOptions>;
