namespace Keyless.Trust.GitLab;

/// <summary>
/// Who owns what on the instance, as far as the inputs and the trust tell: the projects known by id and path, the
/// top-level namespaces that belong to someone (the victims' groups, every namespace the trust or the inputs name,
/// user namespaces they name), the ids in use, and the users and e-mail domains the trust names.
/// </summary>
/// <remarks>
/// An attacker owns only what it creates: a new top-level group or its user namespace, at a path nobody holds.
/// Paths are unique without regard to case (<c>Route</c> validates <c>path</c> uniqueness case-insensitively,
/// app/models/route.rb), one project or group per path at a time; ids are database ids, unique and never reused
/// (doc/ci/secrets/id_token_authentication.md: "<c>project_id</c> is globally unique").
/// </remarks>
public sealed class GitLabWorld
{
    private readonly Dictionary<string, string> _projectPathById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _projectIdByPath = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _namespacePathById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _namespaceIdByPath = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _takenTops = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _takenProjectPaths = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _takenIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _namedLogins = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _namedEmails = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _orgDomains = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A project that exists: its path and id are taken, its namespace belongs to someone.</summary>
    public void AddProject(string? id, string? path, string? namespaceId, string? namespacePath)
    {
        if (id is not null)
        {
            _takenIds.Add(id);
        }

        if (path is not null)
        {
            NameProjectPath(path);
            if (id is not null)
            {
                _projectPathById.TryAdd(id, path);
                _projectIdByPath.TryAdd(path, id);
            }
        }

        if (namespaceId is not null)
        {
            _takenIds.Add(namespaceId);
        }

        var ns = namespacePath ?? (path is null ? null : GitLabPaths.NamespaceOf(path));
        if (ns is not null)
        {
            NameNamespace(ns);
            if (namespaceId is not null)
            {
                _namespacePathById.TryAdd(namespaceId, ns);
                _namespaceIdByPath.TryAdd(ns, namespaceId);
            }
        }
    }

    /// <summary>A project path the trust names: someone holds it, and its top-level namespace.</summary>
    public void NameProjectPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _takenProjectPaths.Add(path);
        _takenTops.Add(GitLabPaths.TopOf(path));
    }

    /// <summary>A namespace the trust or the inputs name (a group, subgroup or user): its top level belongs to someone.</summary>
    public void NameNamespace(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length > 0)
        {
            _takenTops.Add(GitLabPaths.TopOf(path));
        }
    }

    public void NameId(string id) => _takenIds.Add(id);

    public void NameLogin(string login) => _namedLogins.Add(login);

    /// <summary>An address the trust names; its domain is the organisation's.</summary>
    public void NameEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        _namedEmails.Add(email);
        if (GitLabUsers.DomainOf(email) is { } domain)
        {
            _orgDomains.Add(domain);
        }
    }

    /// <summary>A domain the trust accepts addresses from (<c>user_email.endsWith('@acme.com')</c>).</summary>
    public void NameEmailDomain(string domain) => _orgDomains.Add(domain);

    public IReadOnlySet<string> OrgDomains => _orgDomains;

    /// <summary>Could an outsider create (or own) this namespace? Only below a top level nobody named.</summary>
    public bool OutsiderMayOwn(string namespacePath) =>
        GitLabPaths.IsValidNamespacePath(namespacePath) && !_takenTops.Contains(GitLabPaths.TopOf(namespacePath));

    public bool IsTakenTop(string top) => _takenTops.Contains(top);

    public bool IsTakenProjectPath(string path) => _takenProjectPaths.Contains(path);

    public bool IsTakenId(string id) => _takenIds.Contains(id);

    public bool IsNamedLogin(string login) => _namedLogins.Contains(login);

    public bool IsNamedEmail(string email) => _namedEmails.Contains(email);

    /// <summary>The path of the project with this id, when the inputs know it.</summary>
    public string? ProjectPathOf(string id) => _projectPathById.GetValueOrDefault(id);

    public string? ProjectIdOf(string path) => _projectIdByPath.GetValueOrDefault(path);

    public string? NamespacePathOf(string id) => _namespacePathById.GetValueOrDefault(id);

    public string? NamespaceIdOf(string path) => _namespaceIdByPath.GetValueOrDefault(path);

    /// <summary>A decimal id nobody holds, at or above <paramref name="from"/>.</summary>
    public string FreeId(ref int from)
    {
        // Looked up as characters on the stack: the red-team asks for new ids on every path of every identity.
        var taken = _takenIds.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> digits = stackalloc char[11];
        while (from.TryFormat(digits, out var length, provider: System.Globalization.CultureInfo.InvariantCulture) && taken.Contains(digits[..length]))
        {
            from++;
        }

        return (from++).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
