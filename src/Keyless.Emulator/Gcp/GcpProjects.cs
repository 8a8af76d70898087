using Keyless.Emulator.Reads;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Gcp;

/// <summary>
/// The projects a trust names, each with an id and a number. Inputs often know one of the two (gcloud exports name
/// pools by number, Terraform configurations by id, a manifest or state links them); where nothing links them and the
/// trust names exactly one project by id only and one by number only, they are taken as the same project (the usual
/// single-project configuration with a literal number in its members), else the missing half is derived from the other
/// (<see cref="StableIds"/>).
/// </summary>
public sealed class GcpProjects
{
    private const string ServiceAccountDomain = ".iam.gserviceaccount.com";

    private readonly List<EmulatedProject> _projects = [];

    public GcpProjects(TrustSet trust)
    {
        ArgumentNullException.ThrowIfNull(trust);
        var numbers = new Dictionary<string, string>(trust.GcpProjectNumbers, StringComparer.Ordinal);
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        var bareNumbers = new SortedSet<string>(StringComparer.Ordinal);
        void Add(GcpProjectRef project)
        {
            switch (project)
            {
                case { Id: { } id, Number: { } number }:
                    numbers.TryAdd(id, number);
                    ids.Add(id);
                    break;
                case { Id: { } id }:
                    ids.Add(id);
                    break;
                case { Number: { } number }:
                    bareNumbers.Add(number);
                    break;
            }
        }

        foreach (var project in trust.Pools.Select(p => p.Project).Concat(trust.Providers.Select(p => p.Project)))
        {
            Add(project);
        }

        foreach (var binding in trust.Bindings)
        {
            Add(binding.Target.Kind == GcpBindingTargetKind.Project
                ? GcpProjectRef.Parse(binding.Target.Name)
                : new GcpProjectRef(null, ProjectOfAccount(binding.Target.Name)));
            if (binding.Member is { } member && GcpMember.Parse(member) is { IsFederated: true } parsed)
            {
                Add(parsed.Project);
            }
        }

        foreach (var key in trust.StaticCredentials.Where(k => k.Kind == StaticCredentialKind.GcpServiceAccountKey))
        {
            Add(new GcpProjectRef(null, ProjectOfAccount(AccountOf(key.Owner))));
        }

        foreach (var (id, number) in numbers)
        {
            ids.Add(id);
            bareNumbers.Remove(number);
        }

        var unpaired = ids.Where(id => !numbers.ContainsKey(id)).ToList();
        if (unpaired.Count == 1 && bareNumbers.Count == 1)
        {
            numbers[unpaired[0]] = bareNumbers.Min!;
            bareNumbers.Clear();
        }

        foreach (var id in ids)
        {
            _projects.Add(new EmulatedProject(id, numbers.TryGetValue(id, out var number) ? number : StableIds.Digits("project-number", id, 12)));
        }

        foreach (var number in bareNumbers.Where(n => _projects.All(p => p.Number != n)))
        {
            _projects.Add(new EmulatedProject("project-" + number, number));
        }
    }

    public IReadOnlyList<EmulatedProject> All => _projects;

    /// <summary>The project a path segment (id or number) names, or null.</summary>
    public EmulatedProject? Find(string? segment) => segment is null ? null : _projects.FirstOrDefault(p => p.Is(segment));

    /// <summary>The project of a reference as an input wrote it (id, number or both), or null.</summary>
    public EmulatedProject? Of(GcpProjectRef project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return (project.Number is { } n ? Find(n) : null) ?? (project.Id is { } i ? Find(i) : null);
    }

    /// <summary>The project id in a service-account email (<c>NAME@PROJECT.iam.gserviceaccount.com</c>), or null.</summary>
    public static string? ProjectOfAccount(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && email.EndsWith(ServiceAccountDomain, StringComparison.OrdinalIgnoreCase)
            ? email[(at + 1)..^ServiceAccountDomain.Length]
            : null;
    }

    /// <summary>The email in a key's owner, which inputs write as the email or <c>projects/P/serviceAccounts/EMAIL</c>.</summary>
    public static string AccountOf(string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var marker = owner.IndexOf("/serviceAccounts/", StringComparison.Ordinal);
        return marker >= 0 ? owner[(marker + "/serviceAccounts/".Length)..] : owner;
    }
}
