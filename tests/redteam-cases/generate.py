#!/usr/bin/env python3
"""Writes the red-team corpus: one folder per case, trust inputs in real formats plus case.json.

    python3 tests/redteam-cases/generate.py

Each case is a small trust built to break the search, with the personas that must and must not get in, why, and the
GitLab fact it rests on. The files are the shapes of the existing fixtures (tests/cases, tests/audit-cases), whose
sources are named there: gcloud `iam workload-identity-pools providers describe --format=json`, `service-accounts
get-iam-policy`, `az ad app federated-credential list`, and the GitLab REST API (projects, protected_branches,
protected_tags, protected_environments), and for AWS the AWS CLI's `iam get-role`, `get-open-id-connect-provider` and
`list-access-keys --output json` (tests/real-shapes/aws-cli). Edit the CASES below and run this again; the folders
are committed.
"""
import json, os, shutil

ROOT = os.path.dirname(os.path.abspath(__file__))
NUMBER = "123456789"
POOL = f"projects/{NUMBER}/locations/global/workloadIdentityPools/gitlab"
SA = "deployer@acme-prod.iam.gserviceaccount.com"
APP = "app 'ci-deployer' (client id 7f3c1b2a-1111-4a2b-9c3d-0123456789ab)"
MAPPING = {"google.subject": "assertion.sub", "attribute.project_id": "assertion.project_id"}

MAINTAINERS, DEVELOPERS = 40, 30


def levels(level):
    return [{"id": 1, "access_level": level, "access_level_description": "x", "user_id": None, "group_id": None}]


def branch(name, push=MAINTAINERS, merge=MAINTAINERS):
    return {"id": 1, "name": name, "push_access_levels": levels(push), "merge_access_levels": levels(merge),
            "allow_force_push": False, "code_owner_approval_required": False}


def tag(name, create=MAINTAINERS):
    return {"name": name, "create_access_levels": levels(create)}


def environment(name, deploy=MAINTAINERS):
    return {"name": name, "deploy_access_levels": [dict(levels(deploy)[0], group_inheritance_type=0)], "required_approval_count": 0}


def project(default_branch="main", components=None, forks=None, kind="group", path="acme/payments", pid=4242, nsid=72):
    p = {"id": pid, "path_with_namespace": path,
         "namespace": {"id": nsid, "full_path": path.rsplit("/", 1)[0], "kind": kind},
         "visibility": "private", "default_branch": default_branch}
    if components is not None:
        p["ci_id_token_sub_claim_components"] = components
    if forks is not None:
        p["ci_allow_fork_pipelines_to_run_in_parent_project"] = forks
    return p


def gcp(condition, members=None, issuer="https://gitlab.com", audiences=None, mapping=None):
    provider = {"attributeCondition": condition, "attributeMapping": mapping or MAPPING, "displayName": "GitLab",
                "name": f"{POOL}/providers/gitlab-com", "oidc": {"issuerUri": issuer}, "state": "ACTIVE"}
    if audiences:
        provider["oidc"]["allowedAudiences"] = audiences
    policy = {"bindings": [{"role": "roles/iam.workloadIdentityUser",
                            "members": members or [f"principalSet://iam.googleapis.com/{POOL}/*"]}],
              "etag": "BwYx1c2d3e4=", "version": 1}
    manifest = {"keylessManifest": 1, "gcp": {"projectNumbers": {"acme-prod": NUMBER}},
                "files": {"deployer-policy.json": {"serviceAccount": SA}}}
    return {"pool.gcloud.json": {"displayName": "GitLab", "name": POOL, "state": "ACTIVE"},
            "provider.gcloud.json": provider, "deployer-policy.json": policy, "keyless-manifest.json": manifest}


def azure(subject=None, expression=None, issuer="https://gitlab.com"):
    fic = {"audiences": ["api://AzureADTokenExchange"], "description": None, "id": "3f1e2d4c-0000-4000-8000-000000000000",
           "issuer": issuer, "name": "gitlab", "subject": subject}
    if expression:
        fic["claimsMatchingExpression"] = {"value": expression, "languageVersion": 1}
    manifest = {"keylessManifest": 1, "files": {"app-fics.json": {"application": {
        "clientId": "7f3c1b2a-1111-4a2b-9c3d-0123456789ab", "displayName": "ci-deployer",
        "objectId": "0b2d4e6f-2222-4c5d-8e9f-0123456789ab"}}}}
    return {"app-fics.json": [fic], "keyless-manifest.json": manifest}


ACCOUNT = "111122223333"
ROLE = f"role 'gitlab-deploy' (arn:aws:iam::{ACCOUNT}:role/gitlab-deploy)"


def aws(*statements, host="gitlab.com", client_ids=None, access_keys=None):
    """An IAM role trusting the GitLab provider (aws iam get-role) and the provider (get-open-id-connect-provider)."""
    provider = {"Url": host, "ClientIDList": client_ids or ["sts.amazonaws.com"],
                "ThumbprintList": ["b3dd7606d2b5a8b4a13771dbecc9ee1cecafa38a"], "CreateDate": "2025-11-03T09:12:44.120Z", "Tags": []}
    role = {"Role": {"Path": "/", "RoleName": "gitlab-deploy", "RoleId": "AROAZX3EXAMPLEDEPLOY1",
                     "Arn": f"arn:aws:iam::{ACCOUNT}:role/gitlab-deploy", "CreateDate": "2025-11-03T09:15:02Z",
                     "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": list(statements)},
                     "MaxSessionDuration": 3600}}
    files = {"get-open-id-connect-provider.json": provider, "get-role.json": role}
    if access_keys:
        files["list-access-keys.json"] = {"AccessKeyMetadata": [
            {"UserName": user, "AccessKeyId": key, "Status": "Active", "CreateDate": "2023-04-18T08:00:00Z"} for user, key in access_keys]}
    return files


def statement(condition, effect="Allow", host="gitlab.com"):
    s = {"Effect": effect, "Principal": {"Federated": f"arn:aws:iam::{ACCOUNT}:oidc-provider/{host}"},
         "Action": "sts:AssumeRoleWithWebIdentity"}
    if condition:
        s["Condition"] = condition
    return s


def gitlab(proj=None, branches=None, tags=None, environments=None):
    files = {"gitlab-project.json": proj or project()}
    if branches is not None:
        files["protected-branches.json"] = branches
    if tags is not None:
        files["protected-tags.json"] = tags
    if environments is not None:
        files["protected-environments.json"] = environments
    return files


PROTECTED_MAIN = dict(branches=[branch("main")], tags=[])

# name: (description, fact, files, must {persona: why}, must_not {persona: why}, unreachable, identity, options, findings)
CASES = []


def case(name, description, fact, files, must=None, must_not=None, unreachable=None, identity=SA, options=None, findings=None):
    CASES.append((name, description, fact, files, must or {}, must_not or {}, unreachable, identity, options or {}, findings or []))


ALL = ["anyone", "group-member", "developer", "fork-contributor", "path-reclaimer"]


def none_of(why, but=()):
    return {p: why for p in ALL if p not in but}


# --- Paths nobody owns (issue #14's first examples) ---------------------------------------------------------------
case("sub-prefix-project-path",
     "assertion.sub.startsWith('project_path:acme/payments'): the victim is the prefix itself; an outsider owns no path under acme.",
     "project_path is namespace_path/path, and only members create projects in the group acme (lib/json_web_token/user_project_token_claims.rb; Route paths are unique)",
     gcp("assertion.sub.startsWith('project_path:acme/payments')"),
     must={"group-member": "acme/payments-evil is another project in acme whose sub starts the same way",
           "developer": "any branch of acme/payments renders a sub with that prefix",
           "path-reclaimer": "the sub is path-based"},
     must_not={"anyone": "every admitted path lies under acme, which belongs to the victim",
               "fork-contributor": "a fork's sub names the fork's own path, outside acme"})
case("second-group-named",
     "namespace_path == 'acme' || namespace_path == 'beta': two victims, neither group an outsider owns.",
     "a namespace the trust names belongs to someone; one path, one owner (app/models/route.rb)",
     gcp("assertion.namespace_path == 'acme' || assertion.namespace_path == 'beta'"),
     must={"group-member": "another project in acme (or beta) has the same namespace_path",
           "developer": "any branch of a project in acme", "path-reclaimer": "namespace_path is a name"},
     must_not={"anyone": "acme and beta both belong to someone",
               "fork-contributor": "a fork lies in the attacker's namespace"})
case("user-namespace-project",
     "project_path == 'alice/tools': a project in a user namespace; alice is someone else.",
     "a user namespace belongs to its user; outsiders cannot create projects in it",
     gcp("assertion.project_path == 'alice/tools'"),
     must={"developer": "any branch of alice/tools", "path-reclaimer": "the path alone is pinned"},
     must_not={"anyone": "alice/tools is taken", "group-member": "only alice/tools itself matches",
               "fork-contributor": "a fork has its own path"})
case("anchored-regex-one-path",
     "project_path.matches('^acme/payments$') pins exactly one project, as == does.",
     "RE2 matches is a search; ^…$ anchors it to the whole value",
     gcp("assertion.project_path.matches('^acme/payments$')"),
     must={"developer": "any branch of acme/payments", "path-reclaimer": "the path alone is pinned"},
     must_not={"anyone": "acme/payments is taken", "group-member": "no other path matches",
               "fork-contributor": "a fork has its own path"})
case("sub-contains-path",
     "sub.contains('acme/payments:') admits evil/acme/payments, a project anyone can create.",
     "anyone creates groups and subgroups at free paths; a path's end is followed by ':' in sub (refs and paths hold no ':')",
     gcp("assertion.sub.contains('acme/payments:')"),
     must={"anyone": "evil/acme/payments renders project_path:evil/acme/payments:…"})
case("unanchored-regex-path",
     "project_path.matches('acme/payments'): RE2 matches is unanchored, so evil/acme/payments matches.",
     "CEL matches is an unanchored RE2 search (cel-spec)",
     gcp("assertion.project_path.matches('acme/payments')"),
     must={"anyone": "evil/acme/payments contains the pattern"})
case("namespace-prefix-no-slash",
     "namespace_path.startsWith('acme') admits the group acme-evil.",
     "anyone creates a top-level group at any free path",
     gcp("assertion.namespace_path.startsWith('acme')"),
     must={"anyone": "acme-evil", "group-member": "another project in acme", "developer": "a project in acme",
           "fork-contributor": "a fork in acme-evil", "path-reclaimer": "namespace paths are names"})
case("namespace-prefix-with-slash",
     "project_path.startsWith('acme/'): every project in acme and its subgroups, and nothing an outsider can create.",
     "a path under acme/ needs membership of acme",
     gcp("assertion.project_path.startsWith('acme/')"),
     must={"group-member": "acme/keyless-other", "developer": "a project in acme"},
     must_not={"anyone": "acme belongs to the victim", "fork-contributor": "a fork lies outside acme"})
case("not-equal-is-no-victim",
     "project_path != 'acme/legacy' && namespace_path == 'acme': the != literal is not the victim; a project in acme is.",
     "a != literal names a project the trust excludes",
     gcp("assertion.project_path != 'acme/legacy' && assertion.namespace_path == 'acme'"),
     must={"group-member": "any other project in acme", "developer": "a project in acme"},
     must_not={"anyone": "acme belongs to the victim", "fork-contributor": "a fork lies outside acme"})
case("in-two-projects",
     "project_path in ['acme/a', 'beta/b']: two victims, attacked in turn.",
     "each project path is held by one project",
     gcp("assertion.project_path in ['acme/a', 'beta/b']"),
     must={"developer": "any branch of acme/a", "path-reclaimer": "paths only"},
     must_not={"anyone": "both paths are taken", "group-member": "only the two paths match",
               "fork-contributor": "a fork has its own path"})
case("group-regex",
     "project_path.matches('^acme/.*$') admits every project in acme, and nothing outside it.",
     "RE2 ^…$ anchors; acme belongs to the victim",
     gcp("assertion.project_path.matches('^acme/.*$')"),
     must={"group-member": "acme/keyless-other", "developer": "a project in acme"},
     must_not={"anyone": "acme belongs to the victim"})
case("self-managed-outsider",
     "A self-managed issuer with namespace_path.startsWith('acme'): any account on that instance can create acme-evil.",
     "iss is the instance's issuer_url (jwt_v2.rb); the same rules hold on every instance",
     gcp("assertion.namespace_path.startsWith('acme')", issuer="https://gitlab.acme.example"),
     must={"anyone": "acme-evil on gitlab.acme.example"})

# --- Values GitLab never sends -------------------------------------------------------------------------------------
case("gcp-issuer-trailing-slash",
     "A GCP provider trusting https://gitlab.com/ (as GitLab's own guide writes it) with a tight condition: GCP tolerates the slash.",
     "GitLab.com's iss is https://gitlab.com; STS tolerates a trailing-slash difference (see ../shared/reference/cloud-semantics.md)",
     {**gcp("assertion.project_id == '4242' && assertion.ref_protected == 'true' && assertion.ref_type == 'branch' && assertion.ref == 'main'", issuer="https://gitlab.com/"),
      **gitlab(**PROTECTED_MAIN)},
     must_not=none_of("project_id and a protected main are pinned"), unreachable=False)
case("azure-issuer-with-path",
     "An Azure credential trusting https://gitlab.com/acme: no token carries that iss, so nothing, attacker or job, gets in.",
     "iss is fixed per instance; Entra compares iss exactly (AADSTS700211)",
     azure(subject="project_path:acme/payments:ref_type:branch:ref:main", issuer="https://gitlab.com/acme"),
     must_not=none_of("no token carries iss https://gitlab.com/acme"), unreachable=True, identity=APP)
case("pipeline-source-not-gitlabs",
     "pipeline_source == 'release' is a value GitLab never sends.",
     "pipeline_source is one of Ci::Pipeline.sources (app/models/concerns/enums/ci/pipeline.rb)",
     gcp("assertion.project_id == '4242' && assertion.pipeline_source == 'release'"),
     must_not=none_of("no pipeline has source release"), unreachable=True)
case("tier-not-gitlabs",
     "deployment_tier == 'prod' is no tier.",
     "deployment_tier is production, staging, testing, development or other (app/models/environment.rb)",
     gcp("assertion.project_id == '4242' && assertion.deployment_tier == 'prod'"),
     must_not=none_of("no job has tier prod"), unreachable=True)
case("ref-prefix-needs-a-valid-ref",
     "ref.startsWith('release/'): the witness is a branch like release/x, never the invalid ref release/.",
     "git check-ref-format: no trailing '/'",
     {**gcp("assertion.project_id == '4242' && assertion.ref.startsWith('release/')"), **gitlab(**PROTECTED_MAIN)},
     must={"developer": "release/x is an unprotected branch"},
     must_not={"anyone": "project_id is pinned", "group-member": "project_id is pinned",
               "path-reclaimer": "project_id is pinned", "fork-contributor": "a fork has its own project_id"})
case("environment-prefix",
     "environment.startsWith('review/'): the witness environment is review/x, a name GitLab accepts.",
     "Gitlab::Regex.environment_name_regex: no trailing '/'",
     {**gcp("assertion.project_id == '4242' && assertion.environment.startsWith('review/')"), **gitlab(**PROTECTED_MAIN)},
     must={"developer": "any unprotected environment name"},
     must_not={"anyone": "project_id is pinned", "group-member": "project_id is pinned", "path-reclaimer": "project_id is pinned"})
case("runner-hosted-on-self-managed",
     "runner_environment == 'gitlab-hosted' on a self-managed issuer: only GitLab.com has GitLab-hosted runners.",
     "runner_environment is gitlab-hosted only for runner.dot_com_gitlab_hosted? (jwt_v2.rb)",
     gcp("assertion.runner_environment == 'gitlab-hosted' && assertion.namespace_path == 'acme'", issuer="https://gitlab.acme.example"),
     must_not=none_of("no job on this instance runs on a GitLab-hosted runner"), unreachable=True)

# --- Misses: a Developer's and anyone's real powers ------------------------------------------------------------------
case("developer-api-schedule",
     "pipeline_source in ['api', 'schedule'] is no protection: a Developer starts both.",
     "Developers run pipelines through the API and own schedules (doc/user/permissions.md, doc/ci/pipelines/schedules.md)",
     {**gcp("assertion.project_id == '4242' && assertion.pipeline_source in ['api', 'schedule']"), **gitlab(**PROTECTED_MAIN)},
     must={"developer": "an api pipeline on an unprotected branch"},
     must_not={"anyone": "project_id is pinned", "fork-contributor": "a fork has its own project_id"})
case("developer-trigger",
     "pipeline_source == 'trigger': a Developer can run a pipeline with a trigger token.",
     "pipeline trigger tokens (doc/ci/triggers)",
     {**gcp("assertion.project_id == '4242' && assertion.pipeline_source == 'trigger'"), **gitlab(**PROTECTED_MAIN)},
     must={"developer": "a triggered pipeline on an unprotected branch"})
case("tier-production-no-pin",
     "deployment_tier == 'production' is written in the job's YAML by whoever pushes it.",
     "environment:deployment_tier is chosen per job (doc/ci/yaml)",
     {**gcp("assertion.project_id == '4242' && assertion.deployment_tier == 'production'"), **gitlab(**PROTECTED_MAIN)},
     must={"developer": "any unprotected environment with tier production"})
case("merge-request-source",
     "ref_protected == 'true' || pipeline_source == 'merge_request_event': every Developer opens merge requests.",
     "merge request pipelines run for the source branch (doc/ci/pipelines/merge_request_pipelines.md)",
     {**gcp("assertion.project_id == '4242' && (assertion.ref_protected == 'true' || assertion.pipeline_source == 'merge_request_event')"), **gitlab(**PROTECTED_MAIN)},
     must={"developer": "a merge request pipeline from a feature branch"})
case("org-email-domain-with-project",
     "user_email.endsWith('@acme.com') with the project pinned: a Developer has the organisation's address.",
     "members of the organisation have its e-mail domain; outsiders cannot confirm an address there",
     {**gcp("assertion.project_id == '4242' && assertion.user_email.endsWith('@acme.com')"), **gitlab(**PROTECTED_MAIN)},
     must={"developer": "a Developer at acme.com"},
     must_not={"anyone": "project_id is pinned"})
case("org-email-domain-only",
     "user_email.endsWith('@acme.com') alone: every member of the organisation, but no outsider.",
     "an outsider's confirmed primary address is not at acme.com",
     gcp("assertion.user_email.endsWith('@acme.com')"),
     must={"group-member": "a member at acme.com", "developer": "a Developer at acme.com",
           "fork-contributor": "the parent member who starts the fork pipeline is at acme.com"},
     must_not={"anyone": "outsiders have no acme.com address", "path-reclaimer": "a reclaimer is an outsider"})
case("public-visibility",
     "project_visibility == 'public' narrows nothing: anyone creates a public project.",
     "every account can create public projects (doc/user/public_access.md)",
     gcp("assertion.project_visibility == 'public' && assertion.namespace_path.startsWith('acme')"),
     must={"anyone": "a public project in acme-evil"})
case("environment-name-only",
     "environment == 'production' alone: an environment name is a YAML string.",
     "environment names are chosen by the job's YAML (doc/ci/environments)",
     gcp("assertion.environment == 'production'"),
     must={"anyone": "a job with environment production in the attacker's project"})

# --- The victim from the inputs ------------------------------------------------------------------------------------
case("default-branch-from-input",
     "The project's default branch is trunk: GitLab protects it by default, so ref == 'trunk' on a branch is not a Developer's.",
     "the default branch is protected by default, Maintainers push and merge (doc/user/project/repository/branches/default.md)",
     {**gcp("assertion.project_id == '4242' && assertion.ref == 'trunk' && assertion.ref_type == 'branch'"),
      **gitlab(project(default_branch="trunk"))},
     must_not=none_of("only trunk's pipelines, and trunk is protected by default"), unreachable=False)
case("fork-job-project-id",
     "job_project_id alone admits a fork's merge request pipeline run in the parent.",
     "since 18.2.2 project_* name the fork and job_project_* the parent (jwt.rb source_project vs project)",
     {**gcp("assertion.job_project_id == '4242' && assertion.ref == 'main' && assertion.ref_type == 'branch'"),
      **gitlab(project(forks=True), **PROTECTED_MAIN)},
     must={"fork-contributor": "a fork's branch named main"},
     must_not={"developer": "main is protected for Maintainers", "anyone": "job_project_id is pinned"})
case("fork-pipelines-off",
     "The same trust, but the project does not run fork pipelines in itself.",
     "ci_allow_fork_pipelines_to_run_in_parent_project (Projects API)",
     {**gcp("assertion.job_project_id == '4242' && assertion.ref == 'main' && assertion.ref_type == 'branch'"),
      **gitlab(project(forks=False), **PROTECTED_MAIN)},
     must_not=none_of("main is protected and forks do not run in the project"), unreachable=False)
case("personal-project-no-group",
     "namespace_path == 'alice' for a project in alice's user namespace: there is no group to be a member of.",
     "namespace.kind is user for personal projects (Projects API)",
     {**gcp("assertion.namespace_path == 'alice' && assertion.ref_protected == 'true'"),
      **gitlab(project(kind="user", path="alice/tools", pid=5151, nsid=81), **PROTECTED_MAIN)},
     must_not={"group-member": "a user namespace has no members", "anyone": "alice belongs to alice",
               "developer": "main is protected"})

# --- Protections ---------------------------------------------------------------------------------------------------
case("safe-project-id-protected-main",
     "project_id, protected main, branch: the hardened condition.",
     "project_id is unique and never reused; ref_protected reflects protected branch rules",
     {**gcp("assertion.project_id == '4242' && assertion.ref_protected == 'true' && assertion.ref_type == 'branch' && assertion.ref == 'main'"), **gitlab(**PROTECTED_MAIN)},
     must_not=none_of("hardened"), unreachable=False)
case("safe-ref-path",
     "ref_path == 'refs/heads/main' pins the branch type too.",
     "ref_path is refs/heads/NAME or refs/tags/NAME (jwt.rb source_ref_path)",
     {**gcp("assertion.project_id == '4242' && assertion.ref_path == 'refs/heads/main' && assertion.ref_protected == 'true'"), **gitlab(**PROTECTED_MAIN)},
     must_not=none_of("hardened"), unreachable=False)
case("safe-protected-environment",
     "A protected environment only Maintainers deploy to.",
     "environment_protected is true only for a protected environment (EE jwt.rb)",
     {**gcp("assertion.project_id == '4242' && assertion.environment_protected == 'true' && assertion.environment == 'production'"),
      **gitlab(environments=[environment("production")], **PROTECTED_MAIN)},
     must_not=none_of("hardened"), unreachable=False)
case("protected-environment-developers-deploy",
     "The protected environment lets Developers deploy.",
     "deploy_access_levels grant the role (Protected environments API)",
     {**gcp("assertion.project_id == '4242' && assertion.environment_protected == 'true' && assertion.environment == 'production'"),
      **gitlab(environments=[environment("production", deploy=DEVELOPERS)], **PROTECTED_MAIN)},
     must={"developer": "Developers may deploy to production"})
case("protected-wildcard-developers-push",
     "release/* is protected but Developers may push: ref_protected proves nothing for those names.",
     "push_access_levels grant the role (Protected branches API); * matches any text",
     {**gcp("assertion.project_id == '4242' && assertion.ref_protected == 'true'"),
      **gitlab(branches=[branch("main"), branch("release/*", push=DEVELOPERS)], tags=[])},
     must={"developer": "release/x, protected and pushable"})
case("protected-tags-maintainers",
     "Protected tags v*: a Developer can push other tags, but none of them is protected.",
     "ref_protected is true only when a protected tag rule matches",
     {**gcp("assertion.project_id == '4242' && assertion.ref_type == 'tag' && assertion.ref_protected == 'true'"),
      **gitlab(branches=[branch("main")], tags=[tag("v*")])},
     must_not={"developer": "protected tags need a Maintainer", "anyone": "project_id is pinned"}, unreachable=False)
case("tag-named-main",
     "ref == 'main' without ref_type: a Developer pushes a tag named main.",
     "tags are unprotected unless a rule matches; a tag may share a branch's name (gitlab-org/gitlab#435357)",
     {**gcp("assertion.project_id == '4242' && assertion.ref == 'main'"), **gitlab(**PROTECTED_MAIN)},
     must={"developer": "tag main"})

# --- Bindings ------------------------------------------------------------------------------------------------------
case("binding-attribute-project",
     "The binding pins attribute.project_id/4242; the condition only a namespace prefix.",
     "principalSet …/attribute.project_id/4242 admits tokens whose mapped project_id is 4242",
     gcp("assertion.namespace_path.startsWith('acme')", members=[f"principalSet://iam.googleapis.com/{POOL}/attribute.project_id/4242"]),
     must={"developer": "any branch of project 4242"},
     must_not={"anyone": "the binding pins project 4242", "group-member": "the binding pins project 4242",
               "path-reclaimer": "a reclaimed path has a new id", "fork-contributor": "a fork has its own project_id"})
case("binding-subject-path",
     "The binding is the path-based subject of main.",
     "principal …/subject/SUB admits exactly that google.subject",
     {**gcp("assertion.namespace_path == 'acme'", members=[f"principal://iam.googleapis.com/{POOL}/subject/project_path:acme/payments:ref_type:branch:ref:main"]),
      **gitlab(**PROTECTED_MAIN)},
     must={"path-reclaimer": "the subject names a path, not an id"},
     must_not={"anyone": "acme belongs to the victim", "developer": "main is protected", "group-member": "only acme/payments matches"})
case("binding-subject-project-id",
     "The project renders sub from project_id; the binding names that subject.",
     "ci_id_token_sub_claim_components may start with project_id (Projects API)",
     {**gcp("assertion.namespace_path == 'acme'", members=[f"principal://iam.googleapis.com/{POOL}/subject/project_id:4242:ref_type:branch:ref:main"]),
      **gitlab(project(components=["project_id", "ref_type", "ref"]), **PROTECTED_MAIN)},
     must_not=none_of("hardened"), unreachable=False)
case("user-login-only",
     "user_login == 'alice' alone: no attacker is alice (she is someone), so no persona; the static audit says it is user-controllable.",
     "user_login is the triggering user's username",
     gcp("assertion.user_login == 'alice'"),
     must_not=none_of("the login belongs to alice"), unreachable=False)

# --- Azure ---------------------------------------------------------------------------------------------------------
case("azure-exact-path-subject",
     "The default sub of main, exact.",
     "Entra compares sub exactly; the default sub is project_path:…:ref_type:…:ref:…",
     {**azure(subject="project_path:acme/payments:ref_type:branch:ref:main"), **gitlab(**PROTECTED_MAIN)},
     must={"path-reclaimer": "the subject names a path"},
     must_not={"anyone": "acme/payments is taken", "developer": "main is protected", "group-member": "only acme/payments matches",
               "fork-contributor": "a fork's sub names the fork"}, identity=APP)
case("azure-project-id-subject",
     "sub from project_id: the hardened Azure subject.",
     "ci_id_token_sub_claim_components may start with project_id",
     {**azure(subject="project_id:4242:ref_type:branch:ref:main"), **gitlab(project(components=["project_id", "ref_type", "ref"]), **PROTECTED_MAIN)},
     must_not=none_of("hardened"), unreachable=False, identity=APP)
case("azure-flexible-group-wildcard",
     "claims['sub'] matches 'project_path:acme/*:ref_type:branch:ref:main' admits every project of acme on main.",
     "flexible FIC * matches any text; acme belongs to the victim",
     {**azure(expression="claims['sub'] matches 'project_path:acme/*:ref_type:branch:ref:main'"), **gitlab(**PROTECTED_MAIN)},
     must={"group-member": "acme/keyless-other on main"},
     must_not={"anyone": "acme belongs to the victim", "developer": "main is protected"}, identity=APP)
case("azure-flexible-any-ref",
     "claims['sub'] matches 'project_path:acme/payments:*' admits every ref of the project.",
     "flexible FIC * matches any text",
     {**azure(expression="claims['sub'] matches 'project_path:acme/payments:*'"), **gitlab(**PROTECTED_MAIN)},
     must={"developer": "any branch", "path-reclaimer": "path-based"},
     must_not={"anyone": "acme/payments is taken"}, identity=APP)
case("azure-sub-drops-ref",
     "The project renders sub from project_path alone: every branch mints the subject of main.",
     "ci_id_token_sub_claim_components [project_path] (trajan narrowed-sub-claim-drops-ref)",
     {**azure(subject="project_path:acme/payments"), **gitlab(project(components=["project_path"]), **PROTECTED_MAIN)},
     must={"developer": "any branch renders project_path:acme/payments"}, identity=APP)
case("azure-self-managed-tag",
     "A self-managed instance and an exact tag subject; tags are unprotected.",
     "tags are unprotected unless a protected-tag rule matches",
     {**azure(subject="project_path:acme/payments:ref_type:tag:ref:v1", issuer="https://gitlab.acme.example"), **gitlab(**PROTECTED_MAIN)},
     must={"developer": "push tag v1"}, identity=APP)
case("azure-environment-tier-subject",
     "sub with environment_protected and deployment_tier on main: main is protected, so no Developer reaches it.",
     "environment_protected and deployment_tier are sub components since 18.7; absent ones are dropped",
     {**azure(subject="project_path:acme/payments:ref_type:branch:ref:main:environment_protected:false:deployment_tier:production"),
      **gitlab(project(components=["project_path", "ref_type", "ref", "environment_protected", "deployment_tier"]), **PROTECTED_MAIN)},
     must={"path-reclaimer": "path-based"},
     must_not={"developer": "main is protected", "anyone": "acme/payments is taken"}, identity=APP)
case("azure-issuer-trailing-slash",
     "An Azure credential trusting https://gitlab.com/: unreachable.",
     "Entra compares iss exactly; GitLab.com's iss has no trailing slash",
     azure(subject="project_path:acme/payments:ref_type:branch:ref:main", issuer="https://gitlab.com/"),
     must_not=none_of("no token carries the slash"), unreachable=True, identity=APP)


# --- AWS -----------------------------------------------------------------------------------------------------------
AUD = {"gitlab.com:aud": "sts.amazonaws.com"}
case("aws-missing-sub",
     "A role trusting the gitlab.com provider with a condition on aud only: every GitLab.com project can assume it.",
     "AWS exposes aud and sub of a GitLab token (docs/aws.md); aud is whatever the job's id_tokens asks for (doc/ci/secrets/id_token_authentication.md)",
     aws(statement({"StringEquals": AUD})),
     must={"anyone": "any project on GitLab.com mints a token with aud sts.amazonaws.com",
           "group-member": "any project", "developer": "any branch", "fork-contributor": "a fork is a project"}, identity=ROLE)
case("aws-stringlike-group-wildcard",
     "StringLike gitlab.com:sub 'project_path:acme/*': every project of acme, on any ref; no outsider owns a path there.",
     "StringLike * matches any run of characters (IAM condition operators); paths under acme/ need membership of acme",
     {**aws(statement({"StringEquals": AUD, "StringLike": {"gitlab.com:sub": "project_path:acme/*"}})), **gitlab(**PROTECTED_MAIN)},
     must={"group-member": "acme/keyless-other matches acme/*", "developer": "any branch of acme/payments matches"},
     must_not={"anyone": "acme belongs to the victim", "fork-contributor": "a fork's project_path lies outside acme"},
     identity=ROLE)
case("aws-sub-without-ref-type",
     "The project renders sub from project_path and ref only; the role pins main: a Developer's tag named main has the same sub.",
     "ci_id_token_sub_claim_components may omit ref_type (Projects API); a tag may share a branch's name and tags are unprotected unless a rule matches",
     {**aws(statement({"StringEquals": {**AUD, "gitlab.com:sub": "project_path:acme/payments:ref:main"}})),
      **gitlab(project(components=["project_path", "ref"]), **PROTECTED_MAIN)},
     must={"developer": "push tag main", "path-reclaimer": "the sub names a path"},
     must_not={"anyone": "acme/payments is taken", "group-member": "only acme/payments matches"}, identity=ROLE)
case("aws-stringlike-ref-prefix",
     "StringLike sub '…:ref_type:branch:ref:main*': a Developer pushes branch main-x, which the wildcard admits.",
     "StringLike * matches any run of characters; branches other than the protected main are a Developer's to push",
     {**aws(statement({"StringEquals": AUD, "StringLike": {"gitlab.com:sub": "project_path:acme/payments:ref_type:branch:ref:main*"}})),
      **gitlab(**PROTECTED_MAIN)},
     must={"developer": "branch main-x is unprotected", "path-reclaimer": "the sub names a path"},
     must_not={"anyone": "acme/payments is taken", "group-member": "only acme/payments matches"}, identity=ROLE)
case("aws-instance-url-audience",
     "The provider's client id is the instance URL (GitLab's AWS guide) and only aud is checked: any project's job asks for that aud.",
     "GitLab's guide registers https://gitlab.com as provider URL and audience; any job sets id_tokens aud freely",
     aws(statement({"StringEquals": {"gitlab.com:aud": "https://gitlab.com"}}), client_ids=["https://gitlab.com"]),
     must={"anyone": "any project's job asks for aud https://gitlab.com"}, identity=ROLE, findings=["instance-url-audience"])
case("aws-safe-project-id-protected-main",
     "sub rendered from project_id, pinned to the protected main branch: the hardened AWS trust.",
     "ci_id_token_sub_claim_components may start with project_id (Projects API); project ids are never reused",
     {**aws(statement({"StringEquals": {**AUD, "gitlab.com:sub": "project_id:4242:ref_type:branch:ref:main"}})),
      **gitlab(project(components=["project_id", "ref_type", "ref"]), **PROTECTED_MAIN)},
     must_not=none_of("hardened"), unreachable=False, identity=ROLE)
case("aws-deny-closes-the-gap",
     "An Allow for every branch of acme/payments, and a Deny for any sub but main's: only main gets in, as IAM's explicit Deny wins.",
     "IAM policy evaluation: an explicit Deny overrides any Allow (IAM User Guide, policy evaluation logic)",
     {**aws(statement({"StringEquals": AUD, "StringLike": {"gitlab.com:sub": "project_path:acme/payments:ref_type:branch:ref:*"}}),
            statement({"StringNotEquals": {"gitlab.com:sub": "project_path:acme/payments:ref_type:branch:ref:main"}}, effect="Deny")),
      **gitlab(**PROTECTED_MAIN)},
     must={"path-reclaimer": "main's sub names a path"},
     must_not={"developer": "every branch but main is denied, and main is protected", "anyone": "acme/payments is taken",
               "group-member": "only acme/payments matches"}, identity=ROLE)
case("aws-access-key-beside-federation",
     "A hardened role, and an IAM user's active access key in the same account: the static key outlives any trust.",
     "aws iam list-access-keys lists long-lived keys (botocore iam-2010-05-08 ListAccessKeys)",
     {**aws(statement({"StringEquals": {**AUD, "gitlab.com:sub": "project_id:4242:ref_type:branch:ref:main"}}),
            access_keys=[("ci-legacy", "AKIAZX3KEYID1EXAMPLE")]),
      **gitlab(project(components=["project_id", "ref_type", "ref"]), **PROTECTED_MAIN)},
     must_not=none_of("hardened"), identity=ROLE, findings=["access-key-beside-federation"])


def main():
    for entry in os.listdir(ROOT):
        full = os.path.join(ROOT, entry)
        if os.path.isdir(full):
            shutil.rmtree(full)
    for name, description, fact, files, must, must_not, unreachable, identity, options, findings in CASES:
        trust = os.path.join(ROOT, name, "trust")
        os.makedirs(trust)
        for file, content in files.items():
            with open(os.path.join(trust, file), "w") as f:
                json.dump(content, f, indent=2)
                f.write("\n")
        spec = {"description": description, "gitlabFact": fact, "identity": identity,
                "must": [{"persona": p, "why": w} for p, w in must.items()],
                "mustNot": [{"persona": p, "why": w} for p, w in must_not.items()]}
        if unreachable is not None:
            spec["unreachable"] = unreachable
        if options:
            spec["options"] = options
        if findings:
            spec["findings"] = findings
        with open(os.path.join(ROOT, name, "case.json"), "w") as f:
            json.dump(spec, f, indent=2)
            f.write("\n")
    print(f"{len(CASES)} cases")


if __name__ == "__main__":
    main()
