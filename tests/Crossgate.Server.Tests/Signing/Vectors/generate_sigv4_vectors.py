#!/usr/bin/env python3
"""Development-time generator for the SigV4 vectors pinned in sigv4-vectors.json.

Signs fixed requests with botocore's own signers (SigV4Auth, SigV4QueryAuth) at a fixed clock so the
C# verifier is checked against the reference implementation. Re-run only to add cases:
    python3 generate_sigv4_vectors.py > sigv4-vectors.json
"""
import datetime
import hashlib
import json
from unittest import mock

import botocore.auth
from botocore.auth import SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

NOW = datetime.datetime(2026, 11, 23, 10, 30, 15)
LONG_TERM = Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
SESSION = Credentials("ASIAIOSFODNN7SESSION", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
                      "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+example/token==")


def sign(name, signer_cls, creds, service, region, method, url, headers, body, **kw):
    req = AWSRequest(method=method, url=url, headers=dict(headers), data=body)
    signer = signer_cls(creds, service, region, **kw)
    captured = []
    original = signer.canonical_request
    signer.canonical_request = lambda r: captured.append(original(r)) or captured[-1]
    with mock.patch.object(botocore.auth, "get_current_datetime", return_value=NOW):
        signer.add_auth(req)
    canonical = captured[0]
    prepared = req.prepare()
    target = prepared.url.split("://", 1)[1]
    target = target[target.index("/"):] if "/" in target else "/"
    host = prepared.url.split("://", 1)[1].split("/", 1)[0]
    sent = [["Host", host]] + [[k, v] for k, v in prepared.headers.items()]
    return {
        "name": name,
        "accessKeyId": creds.access_key,
        "secretAccessKey": creds.secret_key,
        "sessionToken": creds.token,
        "service": service,
        "region": region,
        "now": NOW.strftime("%Y%m%dT%H%M%SZ"),
        "method": method,
        "target": target,
        "headers": sent,
        "body": body.decode("utf-8") if isinstance(body, bytes) else (body or ""),
        "canonicalRequest": canonical,
    }


FORM = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
cases = [
    sign("sts-get-caller-identity", SigV4Auth, LONG_TERM, "sts", "us-east-1", "POST",
         "http://127.0.0.1:8770/", FORM, b"Action=GetCallerIdentity&Version=2011-06-15"),
    sign("iam-create-user-with-tags", SigV4Auth, LONG_TERM, "iam", "us-east-1", "POST",
         "http://127.0.0.1:8770/", FORM,
         "Action=CreateUser&Version=2010-05-08&UserName=al%C3%AFce&Path=%2Fteam%2F"
         "&Tags.member.1.Key=cost%20center&Tags.member.1.Value=a%2Bb%3Dc%2A".encode()),
    sign("sts-assume-role-session-credentials", SigV4Auth, SESSION, "sts", "eu-west-3", "POST",
         "http://localhost:8770/", FORM,
         b"Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2FTarget"
         b"&RoleSessionName=s1&ExternalId=ext-1"),
    sign("get-with-unsorted-query", SigV4Auth, LONG_TERM, "iam", "us-east-1", "GET",
         "http://127.0.0.1:8770/?Version=2010-05-08&Action=ListUsers&Marker=a%20b%2Fc&Action=ListUsers&Empty=",
         {}, b""),
    sign("path-with-dot-segments", SigV4Auth, LONG_TERM, "iam", "us-east-1", "GET",
         "http://127.0.0.1:8770/a/./b/../c%20d//e/", {}, b""),
    sign("header-whitespace-and-custom", SigV4Auth, LONG_TERM, "sts", "us-west-2", "POST",
         "http://127.0.0.1:8770/",
         {**FORM, "X-Amz-Meta-Note": "  several   spaces\there  "},
         b"Action=GetCallerIdentity&Version=2011-06-15"),
    sign("organizations-json", SigV4Auth, LONG_TERM, "organizations", "us-east-1", "POST",
         "http://127.0.0.1:8770/",
         {"Content-Type": "application/x-amz-json-1.1",
          "X-Amz-Target": "AWSOrganizationsV20161128.DescribeOrganization"}, b"{}"),
    sign("unsigned-payload-declared", SigV4Auth, LONG_TERM, "sts", "us-east-1", "POST",
         "http://127.0.0.1:8770/", {**FORM, "X-Amz-Content-SHA256": "UNSIGNED-PAYLOAD"},
         b"Action=GetCallerIdentity&Version=2011-06-15"),
    sign("declared-payload-hash-of-other-body", SigV4Auth, LONG_TERM, "sts", "us-east-1", "POST",
         "http://127.0.0.1:8770/",
         {**FORM, "X-Amz-Content-SHA256": hashlib.sha256(b"Action=GetSessionToken&Version=2011-06-15").hexdigest()},
         b"Action=GetCallerIdentity&Version=2011-06-15"),
    sign("presigned-short-expiry", SigV4QueryAuth, LONG_TERM, "sts", "us-east-1", "GET",
         "http://127.0.0.1:8770/?Action=GetCallerIdentity&Version=2011-06-15", {}, b"", expires=60),
    sign("presigned-get-caller-identity", SigV4QueryAuth, SESSION, "sts", "us-east-1", "GET",
         "http://127.0.0.1:8770/?Action=GetCallerIdentity&Version=2011-06-15", {}, b"", expires=900),
]
print(json.dumps(cases, indent=2, ensure_ascii=False))
