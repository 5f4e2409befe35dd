#!/usr/bin/env python3
"""Drives Crossgate's Organizations endpoint with unmodified boto3 and prints what it saw as JSON.

Used by OrganizationsBoto3Tests: argv = endpoint admin_key admin_secret member_key member_secret workloads_ou.
"""
import json
import sys
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, admin_key, admin_secret, member_key, member_secret, workloads = sys.argv[1:7]
cfg = Config(retries={"max_attempts": 1})


def client(key, secret):
    return boto3.client("organizations", endpoint_url=endpoint, region_name="us-east-1", config=cfg,
                        aws_access_key_id=key, aws_secret_access_key=secret)


def error_of(call):
    try:
        call()
        return None
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"]}


orgs = client(admin_key, admin_secret)
member = client(member_key, member_secret)
out = {}

status = orgs.create_account(Email="boto@example.com", AccountName="Boto")["CreateAccountStatus"]
out["createState"] = status["State"]
out["requestedIsDatetime"] = hasattr(status["RequestedTimestamp"], "year")
out["listedWhileInProgress"] = any(a["Name"] == "Boto" for a in orgs.list_accounts()["Accounts"])
# The usual polling loop (botocore has no waiter for it): IN_PROGRESS until SUCCEEDED or FAILED.
states = []
deadline = time.time() + 30
while True:
    polled = orgs.describe_create_account_status(CreateAccountRequestId=status["Id"])["CreateAccountStatus"]
    states.append(polled["State"])
    if polled["State"] != "IN_PROGRESS" or time.time() > deadline:
        break
    time.sleep(0.25)
out["polledStates"] = [states[0], states[-1]]
new_id = polled["AccountId"]
out["described"] = polled["CompletedTimestamp"] >= polled["RequestedTimestamp"]
account = orgs.describe_account(AccountId=new_id)["Account"]
out["joinedYear"] = account["JoinedTimestamp"].year
out["accountName"] = account["Name"]

pages = list(orgs.get_paginator("list_accounts").paginate(PaginationConfig={"PageSize": 1}))
out["pageCount"] = len(pages)
out["accounts"] = sorted(a["Id"] for p in pages for a in p["Accounts"])
out["newId"] = new_id

root = orgs.list_roots()["Roots"][0]["Id"]
ou = orgs.create_organizational_unit(ParentId=root, Name="FromBoto")["OrganizationalUnit"]["Id"]
orgs.move_account(AccountId=new_id, SourceParentId=root, DestinationParentId=ou)
out["inOu"] = [a["Id"] for a in orgs.list_accounts_for_parent(ParentId=ou)["Accounts"]]
units = orgs.get_paginator("list_organizational_units_for_parent").paginate(ParentId=root, PaginationConfig={"PageSize": 1})
out["units"] = sorted(u["Id"] for p in units for u in p["OrganizationalUnits"])
out["ou"] = ou

content = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ec2:*", "Resource": "*"}]})
policy = orgs.create_policy(Content=content, Description="no ec2", Name="NoEc2", Type="SERVICE_CONTROL_POLICY")["Policy"]["PolicySummary"]["Id"]
orgs.attach_policy(PolicyId=policy, TargetId=ou)
out["targets"] = [t["TargetId"] for t in orgs.list_targets_for_policy(PolicyId=policy)["Targets"]]
out["duplicate"] = error_of(lambda: orgs.attach_policy(PolicyId=policy, TargetId=ou))
out["memberListAccounts"] = error_of(lambda: member.list_accounts())
out["memberLeave"] = error_of(lambda: member.leave_organization())
out["memberOrganization"] = member.describe_organization()["Organization"]["Id"]
print(json.dumps(out))
