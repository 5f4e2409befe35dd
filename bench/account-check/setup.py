#!/usr/bin/env python3
"""Fills a running `crossgate serve` with ACCOUNTS target accounts for the account-check benchmark.

Each target (created beforehand with `crossgate admin create-account`, root key in the credentials file as profile
crossgate-ID) gets the role PlatformResponseRole trusting the management account, carrying the vendor profile and
the self-check statement of `crossgate template role`. The management account gets the user `platform` with the
caller policy and a key, written as profile `platform`.

Usage: setup.py ENDPOINT CREDENTIALS_FILE MANAGEMENT_ID PROFILE_JSON ACCOUNT_ID...
"""
import configparser
import json
import sys
from concurrent.futures import ThreadPoolExecutor

import boto3

endpoint, credentials_file, management, profile_path, *targets = sys.argv[1:]
profile = open(profile_path).read()
ROLE = "PlatformResponseRole"


def client(service, profile_name):
    session = boto3.Session(profile_name=profile_name, region_name="us-east-1")
    return session.client(service, endpoint_url=endpoint)


def deploy(account):
    iam = client("iam", f"crossgate-{account}")
    trust = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{management}:root"}, "Action": "sts:AssumeRole"}]}
    iam.create_role(RoleName=ROLE, AssumeRolePolicyDocument=json.dumps(trust))
    iam.put_role_policy(RoleName=ROLE, PolicyName="VendorProfile", PolicyDocument=profile)
    self_check = {"Version": "2012-10-17", "Statement": [
        {"Sid": "CrossgateCheckItself", "Effect": "Allow",
         "Action": ["iam:SimulatePrincipalPolicy", "iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies"],
         "Resource": f"arn:aws:iam::{account}:role/{ROLE}"},
        {"Sid": "CrossgateReadItsPolicies", "Effect": "Allow", "Action": ["iam:GetPolicy", "iam:GetPolicyVersion"],
         "Resource": [f"arn:aws:iam::{account}:policy/*", "arn:aws:iam::aws:policy/*"]}]}
    iam.put_role_policy(RoleName=ROLE, PolicyName="CrossgateSelfCheck", PolicyDocument=json.dumps(self_check))


with ThreadPoolExecutor(8) as pool:
    list(pool.map(deploy, targets))

iam = client("iam", "crossgate")
iam.create_user(UserName="platform")
caller = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": f"arn:aws:iam::*:role/{ROLE}"},
    {"Effect": "Allow", "Action": "iam:SimulatePrincipalPolicy", "Resource": f"arn:aws:iam::{management}:user/platform"}]}
iam.put_user_policy(UserName="platform", PolicyName="AssumePlatformRoles", PolicyDocument=json.dumps(caller))
key = iam.create_access_key(UserName="platform")["AccessKey"]

config = configparser.ConfigParser()
config.read(credentials_file)
config["platform"] = {"aws_access_key_id": key["AccessKeyId"], "aws_secret_access_key": key["SecretAccessKey"]}
with open(credentials_file, "w") as out:
    config.write(out)
