using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace DevOps90.Bot.Core;

/// <summary>
/// The range a <see cref="TimeSpan"/> setting may take. DataAnnotations' <c>Range(typeof(TimeSpan), ...)</c> converts
/// its bounds through a TypeConverter looked up at run time, which a trimmed or Native AOT build cannot promise
/// (IL2026); this parses them once, here. The source-generated options validators (<c>[OptionsValidator]</c>) call it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute("The field {0} must be between {1} and {2}.")
{
    private readonly TimeSpan _minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
    private readonly TimeSpan _maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    /// <summary>The smallest value allowed, as written ("00:00:01", "7.00:00:00").</summary>
    public string Minimum { get; } = minimum;

    /// <summary>The largest value allowed, as written.</summary>
    public string Maximum { get; } = maximum;

    // As RangeAttribute: no value is not out of range (Required says whether one is needed).
    public override bool IsValid(object? value) => value is not TimeSpan span || (span >= _minimum && span <= _maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, Minimum, Maximum);
}
