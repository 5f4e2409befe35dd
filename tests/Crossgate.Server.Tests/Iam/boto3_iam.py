#!/usr/bin/env python3
"""Drives the IAM endpoint with unmodified boto3 and prints what it saw as JSON.

Used by IamBoto3Tests: argv = endpoint admin_key admin_secret nobody_key nobody_secret.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, key, secret, nobody_key, nobody_secret = sys.argv[1:6]
cfg = Config(retries={"max_attempts": 1})


def iam(k=key, s=secret):
    return boto3.client("iam", endpoint_url=endpoint, region_name="us-east-1", config=cfg,
                        aws_access_key_id=k, aws_secret_access_key=s)


def error_of(call):
    try:
        call()
        return None
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}


out = {}
client = iam()
doc = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
client.create_user(UserName="zoe", Path="/py/")
client.put_user_policy(UserName="zoe", PolicyName="read", PolicyDocument=json.dumps(doc))
out["inline"] = client.get_user_policy(UserName="zoe", PolicyName="read")["PolicyDocument"]
sim = client.simulate_principal_policy(PolicySourceArn="arn:aws:iam::111122223333:user/py/zoe",
                                       ActionNames=["s3:GetObject", "s3:PutObject"])
out["simulation"] = [{"action": r["EvalActionName"], "resource": r["EvalResourceName"], "decision": r["EvalDecision"],
                      "matched": r.get("MatchedStatements", []), "missing": r.get("MissingContextValues", [])}
                     for r in sim["EvaluationResults"]]
for i in range(4):
    client.create_user(UserName=f"page{i}", Path="/paged/")
pages = list(client.get_paginator("list_users").paginate(PathPrefix="/paged/", PaginationConfig={"PageSize": 3}))
out["pages"] = [[u["UserName"] for u in p["Users"]] for p in pages]
mfa = client.create_virtual_mfa_device(VirtualMFADeviceName="zoe-mfa")["VirtualMFADevice"]
out["mfaSeedLength"] = len(mfa["Base32StringSeed"])
details = client.get_account_authorization_details(Filter=["User"])
out["detailUsers"] = sorted(u["UserName"] for u in details["UserDetailList"])
out["detailInline"] = [u["UserPolicyList"] for u in details["UserDetailList"] if u["UserName"] == "zoe"][0]
out["noSuchUser"] = error_of(lambda: client.get_user(UserName="ghost"))
out["exists"] = error_of(lambda: client.create_user(UserName="zoe"))
out["malformed"] = error_of(lambda: client.create_policy(PolicyName="bad", PolicyDocument="{"))
out["denied"] = error_of(lambda: iam(nobody_key, nobody_secret).list_users())
print(json.dumps(out, default=str))
