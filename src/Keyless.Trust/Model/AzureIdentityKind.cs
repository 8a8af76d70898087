namespace Keyless.Trust.Model;

public enum AzureIdentityKind
{
    /// <summary>An app registration (Graph <c>application</c>), reached by its client id (<c>appId</c>).</summary>
    Application,

    /// <summary>A user-assigned managed identity (ARM), reached by its client id.</summary>
    ManagedIdentity,
}
