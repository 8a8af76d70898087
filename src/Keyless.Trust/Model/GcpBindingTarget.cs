namespace Keyless.Trust.Model;

/// <summary>What an IAM binding is set on: a service account (by email) or a project.</summary>
public sealed record GcpBindingTarget(GcpBindingTargetKind Kind, string Name)
{
    public static GcpBindingTarget ServiceAccount(string email) => new(GcpBindingTargetKind.ServiceAccount, email);

    public static GcpBindingTarget Project(string project) => new(GcpBindingTargetKind.Project, project);

    public override string ToString() => Kind == GcpBindingTargetKind.ServiceAccount ? Name : "projects/" + Name;
}

public enum GcpBindingTargetKind
{
    ServiceAccount,
    Project,
}
