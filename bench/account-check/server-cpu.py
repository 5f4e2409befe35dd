#!/usr/bin/env python3
"""Server CPU per call of the account check, a figure that does not depend on what else the machine runs: the CPU
time (utime+stime in /proc/PID/stat) the `crossgate serve` process PID spends on CALLS AssumeRole calls, then on
CALLS SimulatePrincipalPolicy calls asking what the check asks about one resource (the vendor profile's actions on
`*`), each with the role's session. Calls are sent one at a time from one boto3 client.

Usage: server-cpu.py ENDPOINT PID CALLS PROFILE_JSON ACCOUNT_ID...
"""
import json
import os
import sys

import boto3
from botocore.config import Config

endpoint, pid, calls, profile_path, *targets = sys.argv[1:]
calls = int(calls)
config = Config(retries={"max_attempts": 1})
session = boto3.Session(profile_name="platform", region_name="us-east-1")
sts = session.client("sts", endpoint_url=endpoint, config=config)
ticks = os.sysconf("SC_CLK_TCK")


def cpu_ms():
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / ticks


def role(account):
    return f"arn:aws:iam::{account}:role/PlatformResponseRole"


def assume(account):
    return sts.assume_role(RoleArn=role(account), RoleSessionName="crossgate-cpu")["Credentials"]


statements = json.load(open(profile_path))["Statement"]
actions = sorted({a for s in statements if s.get("Resource") == "*" for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])})
issued = assume(targets[0])
iam = session.client("iam", endpoint_url=endpoint, config=config, aws_access_key_id=issued["AccessKeyId"],
                     aws_secret_access_key=issued["SecretAccessKey"], aws_session_token=issued["SessionToken"])
for account in targets[:5]:  # warm-up
    assume(account)
    iam.simulate_principal_policy(PolicySourceArn=role(targets[0]), ActionNames=actions, ResourceArns=["*"])

start = cpu_ms()
for i in range(calls):
    assume(targets[i % len(targets)])
assume_cpu = (cpu_ms() - start) / calls

start = cpu_ms()
for _ in range(calls):
    iam.simulate_principal_policy(PolicySourceArn=role(targets[0]), ActionNames=actions, ResourceArns=["*"])
simulate_cpu = (cpu_ms() - start) / calls
print(f"server CPU per call: AssumeRole {assume_cpu:.2f} ms, SimulatePrincipalPolicy of {len(actions)} actions {simulate_cpu:.2f} ms "
      f"({calls} calls each)")
