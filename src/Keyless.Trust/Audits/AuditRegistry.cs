namespace Keyless.Trust.Audits;

/// <summary>Every audit, in report order: personas first (most powerful attacker first), then static defects.</summary>
public static class AuditRegistry
{
    public static IReadOnlyList<AuditRule> All { get; } =
    [
        new AnyoneCanAssumeAudit(),
        new GroupMemberCanAssumeAudit(),
        new ForkContributorCanAssumeAudit(),
        new DeveloperTagCanAssumeAudit(),
        new DeveloperBranchCanAssumeAudit(),
        new DeveloperEnvironmentCanAssumeAudit(),
        new PathReclaimerCanAssumeAudit(),
        new UnreachableIdentityAudit(),
        new AudienceSharedAcrossCloudsAudit(),
        new InstanceUrlAudienceAudit(),
        new GoogleSubjectTooLongAudit(),
        new UserControllablePinAudit(),
        new DisabledProviderStillBoundAudit(),
        new TooManyFederatedCredentialsAudit(),
        new PoolWidePrincipalSetAudit(),
        new ServiceAccountKeyBesideFederationAudit(),
        new ClientSecretBesideFederationAudit(),
        new AccessKeyBesideFederationAudit(),
        new SearchIncompleteAudit(),
        new NotVerifiedAudit(),
    ];

    public static AuditRule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
