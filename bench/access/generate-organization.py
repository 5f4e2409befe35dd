#!/usr/bin/env python3
"""Writes an organization for `crossgate import`: one `aws iam get-account-authorization-details` output per
account plus the `aws organizations` outputs (describe-organization, list-roots, OUs, accounts, children, SCPs and
their targets). Deterministic; the shape is what the access-graph benchmark measures:

  usage: generate-organization.py OUT_DIR [ACCOUNTS=1000] [ROLES=20] [USERS=10]

Account 0 is the management account, 1 the identity account (its developers may assume ReadOnly everywhere),
2 the tooling account (its CI role deploys everywhere). Every account holds Admin (trusts the management account,
with MFA), ReadOnly (trusts the identity account), Deploy (trusts tooling's CI role), LambdaExec and Ec2App (service
roles), Partner (trusts the first account of its group of ten), and service roles Svc* (trust their own account).
Every 50th account has a Vendor role (an outside account, with an external id), every 100th a LegacyVendor (an outside
account, without one); three accounts share a role with any principal of the organization (aws:PrincipalOrgID).
Users: developers (assume ReadOnly anywhere and the account's Svc* roles), an operator (passes roles to Lambda), an
administrator (group Admins); every 10th account's Svc0 may rewrite its own policy.
"""
import json
import os
import sys

OUT = sys.argv[1]
ACCOUNTS = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
ROLES = int(sys.argv[3]) if len(sys.argv) > 3 else 20
USERS = int(sys.argv[4]) if len(sys.argv) > 4 else 10
ORG = "o-bench00001"
ROOT = "r-bnch"
OUS = ["ou-bnch-prod0001", "ou-bnch-dev00001"]
DATE = "2024-01-02T03:04:05Z"


def account_id(i):
    return str(100000000000 + i)


MANAGEMENT, IDENTITY, TOOLING = account_id(0), account_id(1), account_id(2)


def doc(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


def allow(actions, resource="*", **extra):
    statement = {"Effect": "Allow", "Action": actions, "Resource": resource}
    statement.update(extra)
    return statement


def trust(principal, condition=None):
    statement = {"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}
    if condition:
        statement["Condition"] = condition
    return doc(statement)


def managed(name, arn=None):
    return {"PolicyName": name, "PolicyArn": arn or f"arn:aws:iam::aws:policy/{name}"}


def role(acct, name, trust_doc, inline=None, attached=None, profile=False, index=0):
    entry = {
        "Path": "/", "RoleName": name, "RoleId": f"AROA{acct}{index:05d}", "Arn": f"arn:aws:iam::{acct}:role/{name}",
        "CreateDate": DATE, "AssumeRolePolicyDocument": trust_doc,
        "InstanceProfileList": [], "RolePolicyList": [{"PolicyName": k, "PolicyDocument": v} for k, v in (inline or {}).items()],
        "AttachedManagedPolicies": attached or [], "Tags": [],
    }
    if profile:
        entry["InstanceProfileList"] = [{
            "Path": "/", "InstanceProfileName": name, "InstanceProfileId": f"AIPA{acct}{index:05d}",
            "Arn": f"arn:aws:iam::{acct}:instance-profile/{name}", "CreateDate": DATE, "Roles": [],
        }]
    return entry


def user(acct, name, index, inline=None, groups=None, attached=None):
    return {
        "Path": "/", "UserName": name, "UserId": f"AIDA{acct}{index:05d}", "Arn": f"arn:aws:iam::{acct}:user/{name}",
        "CreateDate": DATE, "UserPolicyList": [{"PolicyName": k, "PolicyDocument": v} for k, v in (inline or {}).items()],
        "GroupList": groups or [], "AttachedManagedPolicies": attached or [], "Tags": [],
    }


def account_details(i):
    acct = account_id(i)
    hub = account_id(i - i % 10)
    roles = [
        role(acct, "Admin", trust({"AWS": f"arn:aws:iam::{MANAGEMENT}:root"}, {"Bool": {"aws:MultiFactorAuthPresent": "true"}}),
             attached=[managed("AdministratorAccess")], index=0),
        role(acct, "ReadOnly", trust({"AWS": f"arn:aws:iam::{IDENTITY}:root"}), attached=[managed("ReadOnlyAccess")], index=1),
        role(acct, "Deploy", trust({"AWS": f"arn:aws:iam::{TOOLING}:role/CI"}),
             inline={"deploy": doc(allow(["cloudformation:*", "s3:*", "lambda:*"]))}, index=2),
        role(acct, "LambdaExec", trust({"Service": "lambda.amazonaws.com"}),
             attached=[managed("AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")], index=3),
        role(acct, "Ec2App", trust({"Service": "ec2.amazonaws.com"}), inline={"app": doc(allow(["s3:GetObject", "dynamodb:GetItem"]))},
             profile=True, index=4),
        role(acct, "Partner", trust({"AWS": f"arn:aws:iam::{hub}:root"}), inline={"partner": doc(allow("s3:GetObject"))}, index=5),
    ]
    fixed = len(roles)
    if i == 2:
        roles.append(role(acct, "CI", trust({"Service": "codebuild.amazonaws.com"}),
                          inline={"deploy": doc(allow("sts:AssumeRole", "arn:aws:iam::*:role/Deploy"))}, index=fixed))
    if i % 50 == 7:
        roles.append(role(acct, "Vendor", trust({"AWS": "arn:aws:iam::999999999999:root"}, {"StringEquals": {"sts:ExternalId": f"vendor-{acct}"}}),
                          attached=[managed("ReadOnlyAccess")], index=fixed + 1))
    if i % 100 == 13:
        roles.append(role(acct, "LegacyVendor", trust({"AWS": "arn:aws:iam::888888888888:root"}), attached=[managed("ReadOnlyAccess")], index=fixed + 2))
    if i in (0, ACCOUNTS // 3, 2 * ACCOUNTS // 3):
        roles.append(role(acct, "Shared", trust({"AWS": "*"}, {"StringEquals": {"aws:PrincipalOrgID": ORG}}),
                          inline={"read": doc(allow("s3:GetObject"))}, index=fixed + 3))
    n = 0
    while len(roles) < ROLES:
        inline = {"data": doc(allow(["s3:GetObject", "s3:PutObject", "dynamodb:Query"], f"arn:aws:s3:::bucket-{acct}-{n}/*"))}
        if n == 0 and i % 10 == 0:
            inline["self"] = doc(allow("iam:PutRolePolicy", f"arn:aws:iam::{acct}:role/Svc0"))
        roles.append(role(acct, f"Svc{n}", trust({"AWS": f"arn:aws:iam::{acct}:root"}), inline=inline, index=100 + n))
        n += 1

    devs = doc(allow("sts:AssumeRole", ["arn:aws:iam::*:role/ReadOnly", f"arn:aws:iam::{acct}:role/Svc*", "arn:aws:iam::*:role/Partner",
                                        "arn:aws:iam::*:role/Shared"]))
    users = []
    for u in range(USERS):
        if u == 0:
            users.append(user(acct, "admin", u, groups=["Admins"]))
        elif u == 1:
            users.append(user(acct, "operator", u, inline={"ops": doc(
                allow("iam:PassRole", f"arn:aws:iam::{acct}:role/LambdaExec"),
                allow(["lambda:CreateFunction", "lambda:InvokeFunction"]),
                allow("sts:AssumeRole", f"arn:aws:iam::*:role/Admin"))}))
        else:
            users.append(user(acct, f"dev{u}", u, groups=["Developers"]))
    groups = [
        {"Path": "/", "GroupName": "Admins", "GroupId": f"AGPA{acct}00000", "Arn": f"arn:aws:iam::{acct}:group/Admins", "CreateDate": DATE,
         "GroupPolicyList": [], "AttachedManagedPolicies": [managed("AdministratorAccess")]},
        {"Path": "/", "GroupName": "Developers", "GroupId": f"AGPA{acct}00001", "Arn": f"arn:aws:iam::{acct}:group/Developers", "CreateDate": DATE,
         "GroupPolicyList": [{"PolicyName": "assume", "PolicyDocument": devs}], "AttachedManagedPolicies": []},
    ]
    return {"UserDetailList": users, "GroupDetailList": groups, "RoleDetailList": roles, "Policies": []}


def write(name, value):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(value, f, separators=(",", ":"))


def main():
    os.makedirs(OUT, exist_ok=True)
    for i in range(ACCOUNTS):
        write(f"account-{account_id(i)}.json", account_details(i))
    org_arn = f"arn:aws:organizations::{MANAGEMENT}:organization/{ORG}"
    write("organization.json", {"Organization": {"Id": ORG, "Arn": org_arn, "FeatureSet": "ALL", "MasterAccountId": MANAGEMENT,
                                                 "MasterAccountArn": f"arn:aws:organizations::{MANAGEMENT}:account/{ORG}/{MANAGEMENT}",
                                                 "MasterAccountEmail": "management@example.com"}})
    write("roots.json", {"Roots": [{"Id": ROOT, "Arn": f"arn:aws:organizations::{MANAGEMENT}:root/{ORG}/{ROOT}", "Name": "Root",
                                    "PolicyTypes": [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}]}]})
    write("ous.json", {"ParentId": ROOT, "OrganizationalUnits": [
        {"Id": ou, "Arn": f"arn:aws:organizations::{MANAGEMENT}:ou/{ORG}/{ou}", "Name": ["Prod", "Dev"][k]} for k, ou in enumerate(OUS)]})
    write("accounts.json", {"Accounts": [
        {"Id": account_id(i), "Arn": f"arn:aws:organizations::{MANAGEMENT}:account/{ORG}/{account_id(i)}", "Email": f"a{i}@example.com",
         "Name": f"Account {i}", "Status": "ACTIVE", "JoinedMethod": "CREATED", "JoinedTimestamp": DATE} for i in range(ACCOUNTS)]})
    write("children-root.json", {"ParentId": ROOT, "Children": [{"Id": MANAGEMENT, "Type": "ACCOUNT"}] + [{"Id": ou, "Type": "ORGANIZATIONAL_UNIT"} for ou in OUS]})
    for k, ou in enumerate(OUS):
        write(f"children-{ou}.json", {"ParentId": ou, "Children": [{"Id": account_id(i), "Type": "ACCOUNT"} for i in range(1, ACCOUNTS) if i % 2 == k]})
    full = json.dumps(doc({"Effect": "Allow", "Action": "*", "Resource": "*"}))
    deny = json.dumps(doc({"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}))
    for pid, name, content, managed_by_aws in (("p-FullAWSAccess", "FullAWSAccess", full, True), ("p-denyleave01", "DenyLeave", deny, False)):
        write(f"policy-{pid}.json", {"Policy": {"PolicySummary": {
            "Id": pid, "Arn": f"arn:aws:organizations::{'aws' if managed_by_aws else MANAGEMENT}:policy/service_control_policy/{pid}",
            "Name": name, "Type": "SERVICE_CONTROL_POLICY", "AwsManaged": managed_by_aws}, "Content": content}})
    targets = [{"TargetId": ROOT, "Type": "ROOT"}] + [{"TargetId": ou, "Type": "ORGANIZATIONAL_UNIT"} for ou in OUS] + \
              [{"TargetId": account_id(i), "Type": "ACCOUNT"} for i in range(ACCOUNTS)]
    write("targets-p-FullAWSAccess.json", {"PolicyId": "p-FullAWSAccess", "Targets": targets})
    write("targets-p-denyleave01.json", {"PolicyId": "p-denyleave01", "Targets": [{"TargetId": OUS[0], "Type": "ORGANIZATIONAL_UNIT"}]})


main()
