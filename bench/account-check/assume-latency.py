#!/usr/bin/env python3
"""AssumeRole latency from a boto3 caller doing what an account check does: WORKERS worker processes each assume a
target role and ask the simulator with the session, ROUNDS times over the targets. Prints p50, p95 and max of
AssumeRole in milliseconds.

Only the assume_role call is timed; clients are built outside it. Workers are processes, not threads: boto3 holds
Python's global interpreter lock while it builds clients and signs, so with threads one thread's AssumeRole would
wait for the others' Python work and the figure would measure the interpreter, not the server. The workers still
share the machine's cores with the server (as the account check's own processes do).

Usage: assume-latency.py ENDPOINT WORKERS ROUNDS ACCOUNT_ID...
"""
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor

import boto3
from botocore.config import Config

endpoint, workers, rounds, *targets = sys.argv[1:]
workers, rounds = int(workers), int(rounds)
config = Config(retries={"max_attempts": 1})
worker = {}


def start_worker():
    # One session per process: its clients share the loaded service models.
    session = boto3.Session(profile_name="platform", region_name="us-east-1")
    worker["session"] = session
    worker["sts"] = session.client("sts", endpoint_url=endpoint, config=config)


def check(account):
    role = f"arn:aws:iam::{account}:role/PlatformResponseRole"
    start = time.perf_counter()
    issued = worker["sts"].assume_role(RoleArn=role, RoleSessionName="crossgate-bench")["Credentials"]
    took = (time.perf_counter() - start) * 1000
    iam = worker["session"].client("iam", endpoint_url=endpoint, config=config,
                                   aws_access_key_id=issued["AccessKeyId"], aws_secret_access_key=issued["SecretAccessKey"],
                                   aws_session_token=issued["SessionToken"])
    iam.simulate_principal_policy(PolicySourceArn=role, ActionNames=["ec2:DescribeInstances", "s3:ListAllMyBuckets"])
    return took


if __name__ == "__main__":
    with ProcessPoolExecutor(workers, initializer=start_worker) as pool:
        list(pool.map(check, targets[:workers * 2]))  # warm-up: every worker's clients and connections
        samples = list(pool.map(check, [t for _ in range(rounds) for t in targets]))

    samples.sort()
    p95 = samples[max(0, -(-95 * len(samples) // 100) - 1)]
    print(f"AssumeRole from {workers} boto3 worker processes: {len(samples)} calls, "
          f"p50 {statistics.median(samples):.1f} ms, p95 {p95:.1f} ms, max {samples[-1]:.1f} ms")
