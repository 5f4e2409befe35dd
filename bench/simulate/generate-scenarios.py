#!/usr/bin/env python3
"""Writes N simulator scenarios (default 20,000), each with its own policies: a cross-account sts:AssumeRole with a
trust policy carrying an external-id condition, three identity policies and a three-level SCP stack. Every
scenario's policy texts differ (account ids, role names, actions), so nothing can be reused between them."""
import json
import sys

def scenario(i):
    caller = f"{100000000000 + i:012d}"
    target = f"{200000000000 + i:012d}"
    role = f"Response-{i}"
    external = f"ext-{i:06d}"
    allowed = i % 4 != 0
    return {
        "request": {
            "principal": f"arn:aws:iam::{caller}:role/Platform-{i}",
            "principalTags": {"team": f"team-{i % 7}"},
            "action": "sts:AssumeRole",
            "resource": f"arn:aws:iam::{target}:role/{role}",
            "context": {"sts:ExternalId": external if allowed else "wrong", "aws:SourceIp": f"10.{i % 250}.0.1"},
        },
        "identityPolicies": [
            {"name": f"assume-{i}", "document": {"Version": "2012-10-17", "Statement": [
                {"Sid": "Assume", "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": f"arn:aws:iam::*:role/Response-{i}"}]}},
            {"name": f"read-{i}", "document": {"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": [f"s3:Get{i % 10}*", "s3:List*"], "Resource": "*"},
                {"Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": f"team-{i % 7}"}}}]}},
            {"name": f"guard-{i}", "document": {"Version": "2012-10-17", "Statement": [
                {"Effect": "Deny", "Action": "iam:*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": f"10.{i % 250}.0.0/16"}}}]}},
        ],
        "resourcePolicy": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{caller}:role/Platform-{i}"}, "Action": "sts:AssumeRole",
             "Condition": {"StringEquals": {"sts:ExternalId": external}}}]},
        "serviceControlPolicies": [
            [{"name": "FullAWSAccess", "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}],
            [{"name": f"workloads-{i}", "document": {"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "*", "Resource": "*"},
                {"Effect": "Deny", "Action": f"organizations:Leave{i % 3}*", "Resource": "*"}]}}],
            [{"name": "FullAWSAccess", "document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}],
        ],
        "principalOrgId": "o-a1b2c3d4e5",
    }

def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    out = sys.argv[2] if len(sys.argv) > 2 else "scenarios-20k.json"
    with open(out, "w") as f:
        json.dump([scenario(i) for i in range(count)], f, separators=(",", ":"))
    print(f"wrote {count} scenarios to {out}")

if __name__ == "__main__":
    main()
