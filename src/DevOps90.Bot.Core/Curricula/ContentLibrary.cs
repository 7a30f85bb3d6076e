namespace DevOps90.Bot.Core.Curricula;

/// <summary>
/// Holds the current <see cref="CurriculumIndex"/>, which a reload replaces in one atomic swap. Readers take
/// <see cref="Current"/> once and keep that index for the whole of their work (a command keeps the one its request
/// started with, see RequestScope.Index), so nobody ever sees half of one index and half of another.
/// </summary>
public sealed class ContentLibrary
{
    private CurriculumIndex _current;

    public ContentLibrary(CurriculumIndex initial) => _current = initial;

    /// <summary>Raised after each swap, with the new index (derived caches key themselves to the index instead).</summary>
    public event EventHandler<CurriculumIndex>? Swapped;

    public CurriculumIndex Current => Volatile.Read(ref _current);

    /// <summary>Lets code and tests that hold a fixed index pass it where a library is expected.</summary>
    public static implicit operator ContentLibrary(CurriculumIndex index) => FromIndex(index);

    public static ContentLibrary FromIndex(CurriculumIndex index) => new(index);

    public void Swap(CurriculumIndex next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Volatile.Write(ref _current, next);
        Swapped?.Invoke(this, next);
    }
}
