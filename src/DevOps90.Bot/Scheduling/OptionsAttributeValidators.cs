using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Scheduling;

// The attributes on the Scheduling and Cluster settings, checked by code generated at build time, where
// ValidateDataAnnotations() would find them by reflection (not promised under trimming or Native AOT).

[OptionsValidator]
internal sealed partial class SchedulingOptionsAttributeValidator : IValidateOptions<SchedulingOptions>;

[OptionsValidator]
internal sealed partial class ClusterOptionsAttributeValidator : IValidateOptions<ClusterOptions>;
