#!/usr/bin/env python3
"""AssumeRole latency under parallel account checks: WORKERS threads each assume a target role and ask the
simulator with the session (what one account check does), ROUNDS times over the targets. Prints p50, p95 and max of
AssumeRole in milliseconds.

Usage: assume-latency.py ENDPOINT WORKERS ROUNDS ACCOUNT_ID...
"""
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

endpoint, workers, rounds, *targets = sys.argv[1:]
workers, rounds = int(workers), int(rounds)
config = Config(retries={"max_attempts": 1}, max_pool_connections=workers * 2)
platform = boto3.Session(profile_name="platform", region_name="us-east-1")
sts = platform.client("sts", endpoint_url=endpoint, config=config)


def check(account):
    role = f"arn:aws:iam::{account}:role/PlatformResponseRole"
    start = time.perf_counter()
    issued = sts.assume_role(RoleArn=role, RoleSessionName="crossgate-bench")["Credentials"]
    took = (time.perf_counter() - start) * 1000
    iam = boto3.client("iam", endpoint_url=endpoint, region_name="us-east-1", config=config,
                       aws_access_key_id=issued["AccessKeyId"], aws_secret_access_key=issued["SecretAccessKey"],
                       aws_session_token=issued["SessionToken"])
    iam.simulate_principal_policy(PolicySourceArn=role, ActionNames=["ec2:DescribeInstances", "s3:ListAllMyBuckets"])
    return took


with ThreadPoolExecutor(workers) as pool:
    list(pool.map(check, targets[:workers]))  # warm-up: connections, first compilation on the server
    samples = list(pool.map(check, [t for _ in range(rounds) for t in targets]))

samples.sort()
p95 = samples[min(len(samples) - 1, int(round(0.95 * len(samples))) - 1)]
print(f"AssumeRole under {workers} parallel checks: {len(samples)} calls, "
      f"p50 {statistics.median(samples):.1f} ms, p95 {p95:.1f} ms, max {samples[-1]:.1f} ms")
