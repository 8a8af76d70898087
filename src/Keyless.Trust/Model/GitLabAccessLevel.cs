namespace Keyless.Trust.Model;

/// <summary>GitLab access levels as the REST API numbers them.</summary>
public enum GitLabAccessLevel
{
    NoAccess = 0,
    Minimal = 5,
    Guest = 10,
    Planner = 15,
    Reporter = 20,
    Developer = 30,
    Maintainer = 40,
    Owner = 50,
    Admin = 60,
}
