#!/usr/bin/env python3
"""Drives a running Crossgate endpoint with boto3 (unmodified) and prints what it saw as JSON.

Used by Boto3Tests: argv = endpoint access_key secret.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, key, secret = sys.argv[1:4]
cfg = Config(retries={"max_attempts": 1})


def client(service, secret_key=secret, region="us-east-1"):
    return boto3.client(service, endpoint_url=endpoint, region_name=region, config=cfg,
                        aws_access_key_id=key, aws_secret_access_key=secret_key)


def error_of(call):
    try:
        call()
        return None
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}


out = {}
ident = client("sts", region="eu-west-1").get_caller_identity()
out["identity"] = {k: ident[k] for k in ("Account", "Arn", "UserId")}
user = client("iam").create_user(UserName="bob", Path="/eng/", Tags=[{"Key": "team", "Value": "a b&c"}])["User"]
out["user"] = {"UserName": user["UserName"], "Path": user["Path"], "Tags": user.get("Tags", [])}
org = client("organizations").describe_organization()["Organization"]
out["organization"] = {"Id": org["Id"]}
out["wrongSecret"] = error_of(lambda: client("sts", secret_key=secret + "x").get_caller_identity())
out["orgsWrongSecret"] = error_of(lambda: client("organizations", secret_key=secret + "x").describe_organization())
out["orgsModeledError"] = error_of(lambda: client("organizations").list_accounts())
url = client("sts").generate_presigned_url("get_caller_identity", ExpiresIn=900)
out["presignedUrl"] = url
print(json.dumps(out))
