#!/usr/bin/env python3
"""Generates an org-scale trust corpus in real formats, deterministic by seed.

    python3 bench/gen-corpus/gen_corpus.py OUT_DIR --teams 100 --seed 7

Per team: one workload identity pool (gcloud describe), 10 OIDC providers (gcloud describe) with a mix of tight
and loose conditions, one service account policy per provider (get-iam-policy, named in the keyless manifest),
and one Entra app with 10 federated credentials (az ad app federated-credential list). So --teams 100 gives
1,000 providers and 1,000 credentials; --teams 1000 ten times that.
"""
import argparse, json, os, random

CONDITIONS = [
    "assertion.project_id == '{pid}' && assertion.ref_protected == 'true' && assertion.ref_type == 'branch' && assertion.ref == 'main'",
    "assertion.namespace_path.startsWith('{group}')",
    "assertion.project_path == '{path}' && assertion.ref == 'main'",
    "assertion.job_project_id == '{pid}' && assertion.ref_type == 'branch'",
    "assertion.project_id == '{pid}' && assertion.environment == 'production'",
]
SUBJECTS = [
    ("subject", "project_path:{path}:ref_type:branch:ref:main"),
    ("subject", "project_id:{pid}:ref_type:branch:ref:main"),
    ("expr", "claims['sub'] matches 'project_path:{path}:ref_type:branch:ref:*'"),
    ("expr", "claims['sub'] matches 'project_path:{group}/*:ref_type:branch:ref:main'"),
]


def write(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--teams", type=int, default=100)
    ap.add_argument("--per-team", type=int, default=10)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    number = "123456789012"
    manifest = {"keylessManifest": 1, "gcp": {"projectNumbers": {"acme-prod": number}}, "files": {}}
    for t in range(a.teams):
        group = f"team{t:04d}"
        pool = f"projects/{number}/locations/global/workloadIdentityPools/pool-{t:04d}"
        d = os.path.join(a.out, group)
        os.makedirs(d, exist_ok=True)
        write(os.path.join(d, "pool.json"), {"displayName": group, "name": pool, "state": "ACTIVE"})
        creds = []
        for i in range(a.per_team):
            pid = str(100000 + t * a.per_team + i)
            path = f"{group}/app{i:02d}"
            cond = rnd.choice(CONDITIONS).format(pid=pid, group=group, path=path)
            prov = f"prov-{i:02d}"
            write(os.path.join(d, f"provider-{i:02d}.json"), {
                "attributeCondition": cond,
                "attributeMapping": {"google.subject": "assertion.sub", "attribute.project_id": "assertion.project_id"},
                "name": f"{pool}/providers/{prov}", "oidc": {"issuerUri": "https://gitlab.com"}, "state": "ACTIVE"})
            sa = f"sa-{t:04d}-{i:02d}@acme-prod.iam.gserviceaccount.com"
            member = f"principalSet://iam.googleapis.com/{pool}/attribute.project_id/{pid}" if rnd.random() < 0.8 else f"principalSet://iam.googleapis.com/{pool}/*"
            write(os.path.join(d, f"policy-{i:02d}.json"), {"bindings": [{"role": "roles/iam.workloadIdentityUser", "members": [member]}], "etag": "BwYx1c2d3e4=", "version": 1})
            manifest["files"][f"{group}/policy-{i:02d}.json"] = {"serviceAccount": sa}
            kind, text = rnd.choice(SUBJECTS)
            text = text.format(pid=pid, group=group, path=path)
            c = {"audiences": ["api://AzureADTokenExchange"], "description": None, "id": f"00000000-0000-4000-8000-{t:06d}{i:06d}", "issuer": "https://gitlab.com", "name": f"fic-{i:02d}"}
            if kind == "subject":
                c["subject"] = text
            else:
                c["subject"] = None
                c["claimsMatchingExpression"] = {"value": text, "languageVersion": 1}
            creds.append(c)
        write(os.path.join(d, "app-fics.json"), creds)
        manifest["files"][f"{group}/app-fics.json"] = {"application": {"clientId": f"00000000-1111-4000-8000-{t:012d}", "displayName": f"{group}-deployer", "objectId": f"00000000-2222-4000-8000-{t:012d}"}}
    write(os.path.join(a.out, "keyless-manifest.json"), manifest)


if __name__ == "__main__":
    main()
