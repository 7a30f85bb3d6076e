using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Participation;

namespace DevOps90.Bot.Web.GroupPages;

/// <summary>A rendered page: its bytes, its entity tag, and until when it holds by itself.</summary>
internal sealed record CachedPage(byte[] Body, string ETag, DateTimeOffset ValidUntil);

/// <summary>
/// Each group's page rendered once and served from memory until something it shows changes: a check-in or an undo
/// in the group, a member hiding or forgetting themselves, the group's settings, the content, or the group's day
/// (the page's own <see cref="GroupPageView.ValidUntil"/>). Concurrent requests for a page being rendered wait for
/// that one rendering. A rendering that an invalidation overtook is served to its waiters but not kept.
/// </summary>
internal sealed class GroupPageCache : IDisposable
{
    private readonly GroupPageBuilder _builder;
    private readonly CohortRegistry _registry;
    private readonly ParticipationService _participation;
    private readonly ContentLibrary _content;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<CohortId, Entry> _entries = new();
    private long _generation;

    public GroupPageCache(GroupPageBuilder builder, CohortRegistry registry, ParticipationService participation, ContentLibrary content, TimeProvider time)
    {
        (_builder, _registry, _participation, _content, _time) = (builder, registry, participation, content, time);
        _registry.Changed += OnCohortChanged;
        _participation.Changed += OnParticipationChanged;
        _content.Swapped += OnContentSwapped;
    }

    /// <summary>The page, or null when the group has none (unknown, or its page is off).</summary>
    public async Task<CachedPage?> GetAsync(CohortId id, CancellationToken cancellationToken = default)
    {
        if (_registry.Find(id) is not { PublicPage: true })
        {
            // Checked before the cache is touched, so that addresses of groups without a page never take memory.
            return null;
        }

        var generation = Interlocked.Read(ref _generation);
        if (_entries.TryGetValue(id, out var entry) && !IsStale(entry))
        {
            return await entry.Page.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var fresh = new Entry(RenderAsync(id));
        var kept = _entries.AddOrUpdate(id, fresh, (_, existing) => existing == entry || IsStale(existing) ? fresh : existing);
        var page = await kept.Page.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (kept == fresh && Interlocked.Read(ref _generation) != generation)
        {
            // Something changed while it rendered: the next request renders again.
            _entries.TryRemove(new KeyValuePair<CohortId, Entry>(id, fresh));
        }

        return page;
    }

    public void Invalidate(CohortId? id)
    {
        Interlocked.Increment(ref _generation);
        if (id is { } one)
        {
            _entries.TryRemove(one, out _);
        }
        else
        {
            _entries.Clear();
        }
    }

    public void Dispose()
    {
        _registry.Changed -= OnCohortChanged;
        _participation.Changed -= OnParticipationChanged;
        _content.Swapped -= OnContentSwapped;
    }

    private bool IsStale(Entry entry) =>
        entry.Page.IsFaulted || entry.Page.IsCanceled
        || (entry.Page.IsCompletedSuccessfully && (entry.Page.Result is null || entry.Page.Result.ValidUntil <= _time.GetUtcNow()));

    private async Task<CachedPage?> RenderAsync(CohortId id)
    {
        // Not the request's token: the rendering serves every request waiting for it, whichever leaves first.
        var view = await _builder.BuildAsync(id, CancellationToken.None).ConfigureAwait(false);
        if (view is null)
        {
            return null;
        }

        var body = Encoding.UTF8.GetBytes(GroupPageRenderer.Render(view));
        return new CachedPage(body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..20]}\"", view.ValidUntil);
    }

    private void OnCohortChanged(CohortChange change) => Invalidate(change.Id);

    private void OnParticipationChanged(CohortId? id) => Invalidate(id);

    private void OnContentSwapped(object? sender, CurriculumIndex index) => Invalidate(null);

    private sealed record Entry(Task<CachedPage?> Page);
}
