using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation.Aws;
using Keyless.Trust.GitLab;
using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// The ways into an IAM role: one per Allow statement and per provider it names. AWS exposes only <c>aud</c> and
/// <c>sub</c> of a GitLab token (docs/aws.md), so the atoms are the statement's conditions on <c>URL:sub</c>:
/// <c>StringEquals</c> values pin the sub exactly, <c>StringLike</c> values as wildcards; the witness's sub is then one
/// GitLab could mint, which the red-team's realizability check asks of every witness.
/// </summary>
internal static class AwsPaths
{
    public static IEnumerable<AttackPath> For(TrustSet trust, Identity identity, AwsRole role)
    {
        foreach (var statement in role.Statements.Where(s => s.IsAllow))
        {
            var compiled = new CompiledAwsStatement(statement);
            foreach (var provider in trust.AwsProviders.Where(p => compiled.NamesProvider(p, role.AccountId)))
            {
                var atoms = new AtomSet();
                atoms.Read(GitLabClaimNames.Subject);
                var subKey = provider.Url + ":sub";
                foreach (var condition in statement.Conditions.Where(c => string.Equals(c.Key, subKey, StringComparison.OrdinalIgnoreCase)))
                {
                    var kind = condition.Operator switch
                    {
                        "StringEquals" => AtomKind.Equals,
                        "StringLike" => AtomKind.Wildcard,
                        _ => (AtomKind?)null,
                    };

                    // Several values are OR'd; one value pins, several are outside the search's fragment.
                    if (kind is { } k && condition.Values.Count == 1)
                    {
                        var atom = new ClaimAtom(GitLabClaimNames.Subject, k, condition.Values[0]);
                        atoms.Add(atom);
                        atoms.Pin(atom);
                        SubPatterns.Decompose(atom, atoms, pin: true);
                    }
                    else
                    {
                        atoms.NotInFragment($"condition {condition} is not searched");
                    }
                }

                if (statement.Unmodelled.Count > 0 || role.Unknown.Count > 0)
                {
                    atoms.NotInFragment($"{role.DisplayName} has parts Keyless does not evaluate");
                }

                SubPatterns.DeriveProjectAtoms(atoms);
                var victims = VictimResolver.ResolveAll(trust, atoms);
                yield return new AttackPath
                {
                    Identity = identity,
                    Label = $"{statement.Describe()} via provider '{provider.Url}'",
                    Instance = GitLabInstance.ForIssuer("https://" + provider.Url),
                    Audience = provider.ClientIds.Count > 0 ? provider.ClientIds[0] : "sts.amazonaws.com",
                    Source = role.Source,
                    Atoms = atoms,
                    Victim = victims[0],
                };
            }
        }
    }
}
