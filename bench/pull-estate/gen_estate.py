#!/usr/bin/env python3
"""Generates an org-scale estate for the pull benchmark, in the formats keyless emulate loads (docs/inputs.md).

    python3 bench/pull-estate/gen_estate.py OUT_DIR --projects 50 --accounts 20 --apps 500 --seed 7

GCP: per project one workload identity pool with two OIDC providers (IAM v1 REST list shapes), --accounts service
accounts each with its getIamPolicy (roles/iam.workloadIdentityUser for one GitLab project, named in the keyless
manifest), and every tenth account with a user-managed key (keys.list). Entra: --apps applications (Graph v1.0
application objects) each with two federated credentials (Graph list with its @odata.context), in one tenant.
The defaults give 1,000 service accounts across 50 projects and 500 applications. Deterministic by seed.
"""
import argparse, json, os, random, uuid

TENANT = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
CONDITIONS = [
    "assertion.project_id == '{pid}' && assertion.ref_protected == 'true' && assertion.ref_type == 'branch'",
    "assertion.namespace_path.startsWith('{group}')",
    "assertion.project_path == '{path}' && assertion.ref == 'main'",
]


def write(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)


def stable_uuid(rnd):
    return str(uuid.UUID(int=rnd.getrandbits(128), version=4))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--projects", type=int, default=50)
    ap.add_argument("--accounts", type=int, default=20, help="service accounts per project")
    ap.add_argument("--apps", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    manifest = {"keylessManifest": 1, "gcp": {"projectNumbers": {}}, "files": {}}

    for p in range(a.projects):
        project = f"acme-{p:03d}"
        number = str(200000000000 + p)
        manifest["gcp"]["projectNumbers"][project] = number
        group = f"acme/team{p:03d}"
        pool = f"projects/{number}/locations/global/workloadIdentityPools/gitlab"
        folder = os.path.join(a.out, "gcp", project)
        write(os.path.join(folder, "pools.json"), {"workloadIdentityPools": [{"name": pool, "displayName": "GitLab", "state": "ACTIVE"}]})
        providers = []
        for i, provider in enumerate(["gitlab-com", "gitlab-deploy"]):
            pid = str(500000 + p * 10 + i)
            providers.append({
                "name": f"{pool}/providers/{provider}",
                "state": "ACTIVE",
                "attributeCondition": rnd.choice(CONDITIONS).format(pid=pid, group=group, path=f"{group}/app{i}"),
                "attributeMapping": {"google.subject": "assertion.sub", "attribute.project_id": "assertion.project_id"},
                "oidc": {"issuerUri": "https://gitlab.com"},
            })
        write(os.path.join(folder, "providers.json"), {"workloadIdentityPoolProviders": providers})
        keys = []
        for s in range(a.accounts):
            email = f"sa-{s:02d}@{project}.iam.gserviceaccount.com"
            name = f"policies/sa-{s:02d}.json"
            write(os.path.join(folder, name), {
                "version": 1,
                "etag": "BwYx1c2d3e5=",
                "bindings": [{"role": "roles/iam.workloadIdentityUser",
                              "members": [f"principalSet://iam.googleapis.com/{pool}/attribute.project_id/{500000 + p * 100 + s}"]}],
            })
            manifest["files"][f"gcp/{project}/{name}"] = {"serviceAccount": email}
            if s % 10 == 0:
                keys.append({
                    "name": f"projects/{project}/serviceAccounts/{email}/keys/{rnd.getrandbits(160):040x}",
                    "validAfterTime": "2026-01-01T00:00:00Z",
                    "validBeforeTime": "9999-12-31T23:59:59Z",
                    "keyAlgorithm": "KEY_ALG_RSA_2048",
                    "keyOrigin": "GOOGLE_PROVIDED",
                    "keyType": "USER_MANAGED",
                })
        write(os.path.join(folder, "keys.json"), {"keys": keys})

    for n in range(a.apps):
        object_id, client_id = stable_uuid(rnd), stable_uuid(rnd)
        folder = os.path.join(a.out, "entra", f"app-{n:03d}")
        write(os.path.join(folder, "app.json"), {
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications/$entity",
            "id": object_id, "appId": client_id, "displayName": f"ci-app-{n:03d}", "signInAudience": "AzureADMyOrg",
        })
        path = f"acme/team{n % 50:03d}/app{n:03d}"
        write(os.path.join(folder, "fics.json"), {
            "@odata.context": f"https://graph.microsoft.com/v1.0/$metadata#applications('{object_id}')/federatedIdentityCredentials",
            "value": [
                {"audiences": ["api://AzureADTokenExchange"], "id": stable_uuid(rnd), "issuer": "https://gitlab.com",
                 "name": "gitlab-main", "subject": f"project_path:{path}:ref_type:branch:ref:main"},
                {"audiences": ["api://AzureADTokenExchange"], "id": stable_uuid(rnd), "issuer": "https://gitlab.com",
                 "name": "gitlab-production", "subject": f"project_path:{path}:environment:production"},
            ],
        })
        manifest["files"][f"entra/app-{n:03d}/fics.json"] = {
            "application": {"clientId": client_id, "displayName": f"ci-app-{n:03d}", "objectId": object_id, "tenantId": TENANT}}

    write(os.path.join(a.out, "keyless-manifest.json"), manifest)
    print(f"{a.projects} projects, {a.projects * a.accounts} service accounts, {a.apps} applications, tenant {TENANT}")


if __name__ == "__main__":
    main()
