#!/usr/bin/env python3
"""Mixed signed load on a running `crossgate serve` holding the example organization (`crossgate init --example`),
for bench/endpoint/soak.sh. Each worker is a process with its own boto3 clients and repeats one round of STS, IAM and
Organizations reads and writes, as bob (an administrator of the management account):

  sts   GetCallerIdentity; AssumeRole into CrossAccount-B, then GetCallerIdentity with the session
  iam   ListUsers, GetUser; CreateUser + PutUserPolicy + GetUserPolicy + DeleteUserPolicy + DeleteUser (a fresh name)
  orgs  ListAccounts, DescribeOrganization, ListRoots; UpdatePolicy of the worker's own SCP (its description)

Writes are paired so that the directory does not grow (the audit trail does, on disk). Every failed call is an error.
While the workers run, the server's resident memory (VmRSS) is sampled; the report is one JSON object on stdout.

  soak_load.py --endpoint URL --credentials FILE --pid SERVER_PID [--minutes 10] [--workers 4] [--warmup-seconds 20]
"""
import argparse
import json
import multiprocessing as mp
import os
import statistics
import time

ROLE_ARN = "arn:aws:iam::222222222222:role/CrossAccount-B"
DENY_NOTHING = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "soak:Nothing", "Resource": "*"}]})
USER_POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]})


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def clients(endpoint, profile, credentials_file):
    import boto3
    from botocore.config import Config
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = credentials_file
    os.environ["AWS_CONFIG_FILE"] = "/dev/null"
    # No retries: a throttled or failed call must count as an error, not be hidden by a retry.
    session = boto3.session.Session(profile_name=profile, region_name="us-east-1")
    cfg = Config(retries={"max_attempts": 1, "mode": "standard"}, max_pool_connections=4)
    return {name: session.client(name, endpoint_url=endpoint, config=cfg) for name in ("sts", "iam", "organizations")}, cfg


def worker(index, endpoint, credentials_file, start_at, stop_at, policy_id, queue):
    import boto3
    c, cfg = clients(endpoint, "example-bob", credentials_file)
    sts, iam, orgs = c["sts"], c["iam"], c["organizations"]
    latencies = {}
    errors = []
    calls = 0
    n = 0

    def timed(name, call):
        nonlocal calls
        began = time.perf_counter()
        try:
            result = call()
        except Exception as e:  # every failure counts
            if time.time() >= start_at:
                errors.append(f"{name}: {type(e).__name__}: {str(e)[:200]}")
            return None
        if time.time() >= start_at:
            latencies.setdefault(name, []).append((time.perf_counter() - began) * 1000)
            calls += 1
        return result

    while time.time() < stop_at:
        n += 1
        timed("sts:GetCallerIdentity", lambda: sts.get_caller_identity())
        assumed = timed("sts:AssumeRole", lambda: sts.assume_role(RoleArn=ROLE_ARN, RoleSessionName=f"soak{index}"))
        if assumed:
            cred = assumed["Credentials"]
            as_role = boto3.client("sts", endpoint_url=endpoint, region_name="us-east-1", config=cfg,
                                   aws_access_key_id=cred["AccessKeyId"], aws_secret_access_key=cred["SecretAccessKey"],
                                   aws_session_token=cred["SessionToken"])
            timed("sts:GetCallerIdentity(session)", lambda: as_role.get_caller_identity())
        timed("iam:ListUsers", lambda: iam.list_users())
        timed("iam:GetUser", lambda: iam.get_user(UserName="bob"))
        name = f"soak-{index}-{n}"
        timed("iam:CreateUser", lambda: iam.create_user(UserName=name))
        timed("iam:PutUserPolicy", lambda: iam.put_user_policy(UserName=name, PolicyName="p", PolicyDocument=USER_POLICY))
        timed("iam:GetUserPolicy", lambda: iam.get_user_policy(UserName=name, PolicyName="p"))
        timed("iam:DeleteUserPolicy", lambda: iam.delete_user_policy(UserName=name, PolicyName="p"))
        timed("iam:DeleteUser", lambda: iam.delete_user(UserName=name))
        timed("organizations:ListAccounts", lambda: orgs.list_accounts())
        timed("organizations:DescribeOrganization", lambda: orgs.describe_organization())
        timed("organizations:ListRoots", lambda: orgs.list_roots())
        timed("organizations:UpdatePolicy", lambda: orgs.update_policy(PolicyId=policy_id, Description=f"round {n}"))

    queue.put({"latencies": latencies, "errors": errors, "calls": calls})


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--credentials", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--warmup-seconds", type=float, default=20)
    parser.add_argument("--sample-seconds", type=float, default=10)
    args = parser.parse_args()

    setup, _ = clients(args.endpoint, "example-bob", args.credentials)
    policies = []
    for i in range(args.workers):
        policy = setup["organizations"].create_policy(
            Content=DENY_NOTHING, Description="soak", Name=f"Soak{i}-{int(time.time())}", Type="SERVICE_CONTROL_POLICY")
        policies.append(policy["Policy"]["PolicySummary"]["Id"])

    start_at = time.time() + args.warmup_seconds
    stop_at = start_at + args.minutes * 60
    queue = mp.Queue()
    procs = [mp.Process(target=worker, args=(i, args.endpoint, args.credentials, start_at, stop_at, policies[i], queue))
             for i in range(args.workers)]
    for p in procs:
        p.start()

    samples = []  # (seconds since start of measurement, KiB)
    while time.time() < start_at:
        time.sleep(0.2)
    while True:
        now = time.time()
        samples.append((round(now - start_at, 1), rss_kib(args.pid)))
        if now >= stop_at:
            break
        time.sleep(min(args.sample_seconds, max(0.0, stop_at - now)))

    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()

    by_call = {}
    for r in results:
        for name, values in r["latencies"].items():
            by_call.setdefault(name, []).extend(values)
    everything = sorted(v for values in by_call.values() for v in values)
    errors = [e for r in results for e in r["errors"]]
    start_kib = samples[0][1]
    middle_kib = min(samples, key=lambda s: abs(s[0] - args.minutes * 30))[1]
    end_kib = samples[-1][1]
    drift = max(abs(middle_kib - start_kib), abs(end_kib - start_kib)) / start_kib
    report = {
        "minutes": args.minutes,
        "workers": args.workers,
        "requests": len(everything),
        "requests_per_second": round(len(everything) / (args.minutes * 60), 1),
        "errors": len(errors),
        "error_samples": errors[:10],
        "p50_ms": round(percentile(everything, 50), 2),
        "p99_ms": round(percentile(everything, 99), 2),
        "p99_ms_by_call": {name: round(percentile(sorted(v), 99), 2) for name, v in sorted(by_call.items())},
        "rss_mib": {"start": round(start_kib / 1024, 1), "middle": round(middle_kib / 1024, 1), "end": round(end_kib / 1024, 1),
                    "min": round(min(s[1] for s in samples) / 1024, 1), "max": round(max(s[1] for s in samples) / 1024, 1)},
        "rss_drift_percent": round(100 * drift, 1),
        "rss_samples": [[t, round(k / 1024, 1)] for t, k in samples],
        "memory_flat": drift <= 0.20,
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
