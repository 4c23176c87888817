#!/usr/bin/env python3
"""Ground-truth vectors for the `aws-sigv4` scheme as Kingsoft Cloud uses it,
made by the official Kingsoft SDK (ksc-sdk-python, package `kscore`), with
botocore's SigV4Auth run on the same request as a cross-check.

Writes (relative to this file):
  ../aws-sigv4.json            signing vectors (tests/signing_vectors.rs)
  ../requests/ksyun.json       the exact KEC ModifyInstanceImage request (seed 002 example)

Run by hand, in a venv outside the repository:
  python3 -m venv /tmp/venv-hs
  /tmp/venv-hs/bin/pip install -r tests/vectors/gen/requirements-huawei-sigv4.txt
  /tmp/venv-hs/bin/python tests/vectors/gen/gen_sigv4.py

Deterministic: both signers' clocks are frozen, HOME is a throw-away
directory, credentials are fixed, the client's User-Agent (machine dependent,
never signed by kscore) is pinned. Nothing is sent: the client's HTTP session is replaced by a recorder.

The project follows kscore where it and botocore disagree; each vector's
`source` says whether botocore produced the same signature, and if not, why.
"""

import datetime as _dt
import json
import os
import sys
import tempfile
from importlib.metadata import version
from types import SimpleNamespace

# No user config (~/.ksc, ~/.aws) may leak into the run.
os.environ["HOME"] = tempfile.mkdtemp(prefix="hs-home-")

import botocore.auth  # noqa: E402
import botocore.awsrequest  # noqa: E402
import botocore.credentials  # noqa: E402
import kscore.auth  # noqa: E402
import kscore.credentials  # noqa: E402
from kscore.config import Config  # noqa: E402
from kscore.ksrequest import KSRequest  # noqa: E402
from kscore.session import get_session  # noqa: E402
from kscore.utils import percent_encode_sequence  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_VECTORS = os.path.join(HERE, "..", "aws-sigv4.json")
OUT_REQUESTS = os.path.join(HERE, "..", "requests")

KS_VERSION = version("ksc-sdk-python")
GENERATOR = "ksc-sdk-python==%s (kscore SigV4Auth) / botocore==%s (cross-check)" % (KS_VERSION, version("botocore"))

AK = "AKLTEXAMPLEAccessKey01"
SK = "ExampleKingsoftSecretKey/0123456789+abcdef="
TOKEN = "ExampleSessionToken/with+chars=="
TS = "2024-05-06T07:08:09Z"
REGION = "cn-beijing-6"
SERVICE = "kec"
ENDPOINT = "https://kec.api.ksyun.com"
USER_AGENT = "KSCore/%s" % KS_VERSION
DUMMY_SK = "unused-secret-for-canonical-strings-only"

# The AWS public test suite's credentials (aws-signing-test-suite/v4/*/context.json).
SUITE_AK = "AKIDEXAMPLE"
SUITE_SK = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SUITE_TS = "2015-08-30T12:36:00Z"

# ---------------------------------------------------------------- frozen clock
_frozen = [None]


class FrozenDatetime(_dt.datetime):
    @classmethod
    def utcnow(cls):
        return _frozen[0]


kscore.auth.datetime = SimpleNamespace(datetime=FrozenDatetime)  # auth.py: datetime.datetime.utcnow()
botocore.auth.get_current_datetime = lambda: _frozen[0]


def freeze(ts):
    _frozen[0] = FrozenDatetime.strptime(ts, "%Y-%m-%dT%H:%M:%SZ")


# ------------------------------------------- capture what kscore computes
_capture = {}
_orig_cr = kscore.auth.SigV4Auth.canonical_request
_orig_sts = kscore.auth.SigV4Auth.string_to_sign
_orig_sig = kscore.auth.SigV4Auth.signature
_orig_add = kscore.auth.SigV4Auth.add_auth


def _cr(self, request):
    out = _orig_cr(self, request)
    _capture["canonical_request"] = out
    _capture["signed_headers"] = self.signed_headers(self.headers_to_sign(request))
    _capture["credential_scope"] = self.credential_scope(request)
    return out


def _sts(self, request, canonical_request):
    out = _orig_sts(self, request, canonical_request)
    _capture["string_to_sign"] = out
    return out


def _sig(self, string_to_sign, request):
    out = _orig_sig(self, string_to_sign, request)
    _capture["signature"] = out
    return out


def _add(self, request):
    # Headers as the client hands them to the signer (request-created event).
    _capture["pre_headers"] = [(k, v.decode() if isinstance(v, bytes) else v) for k, v in request.headers.items()]
    _capture["url"] = request.url
    return _orig_add(self, request)


kscore.auth.SigV4Auth.canonical_request = _cr
kscore.auth.SigV4Auth.string_to_sign = _sts
kscore.auth.SigV4Auth.signature = _sig
kscore.auth.SigV4Auth.add_auth = _add


def netloc(url):
    return url.split("://", 1)[1].split("#")[0].split("/")[0].split("?")[0]


def text(v):
    return v.decode("utf-8") if isinstance(v, bytes) else v


def botocore_sign(method, url, headers, body, ts, ak, secret, token, region, service):
    freeze(ts)
    req = botocore.awsrequest.AWSRequest(method=method, url=url, headers=dict(headers), data=body.encode("utf-8"))
    auth = botocore.auth.SigV4Auth(botocore.credentials.Credentials(ak, secret or DUMMY_SK, token), service, region)
    cr = []
    orig = auth.canonical_request
    auth.canonical_request = lambda r: cr.append(orig(r)) or cr[-1]
    auth.add_auth(req)
    return cr[0], text(req.headers["Authorization"])


def sign_generic(name, method, url, headers, body, ts=TS, secret=SK, token=None, region=REGION,
                 service=SERVICE, ak=AK, note=None, suite=None, clock=None):
    """Signs with kscore SigV4Auth exactly as a kscore client would, and compares botocore.

    suite: (folder, expected signature) of the AWS public test suite to assert against.
    clock: the kscore clock reading when it differs from `ts` (a caller-given X-Amz-Date).
    """
    freeze(clock or ts)
    # serde_json (no preserve_order) hands the crate the headers sorted by name.
    ordered = [(k, headers[k]) for k in sorted(headers)]
    req = KSRequest(method=method, url=url, data=body.encode("utf-8"), headers=dict(ordered))
    creds = kscore.credentials.Credentials(ak, secret or DUMMY_SK, token)
    _capture.clear()
    kscore.auth.SigV4Auth(creds, service, region).add_auth(req)
    sent = {}
    for k, v in req.headers.items():
        sent[k] = text(v)
    if not any(k.lower() == "host" for k in sent):
        # kscore leaves Host to the HTTP library; the scheme sends the signed netloc.
        sent["Host"] = netloc(url)
    if not secret:
        del sent["Authorization"]
    expected = {
        "canonicalRequest": _capture["canonical_request"],
        "stringToSign": _capture["string_to_sign"],
        "signedHeaders": _capture["signed_headers"],
        "credentialScope": _capture["credential_scope"],
        "signature": _capture["signature"],
        "authorization": sent.get("Authorization"),
        "headers": sent,
        "url": req.url,
        "body": body,
    }
    if not secret:
        del expected["signature"]
        del expected["authorization"]
    if suite:
        assert _capture["signature"] == suite[1], (name, _capture["signature"], suite)
    b_cr, b_auth = botocore_sign(method, url, ordered, body, clock or ts, ak, secret, token, region, service)
    k_auth = text(req.headers["Authorization"])
    if b_auth == k_auth:
        source = "kscore/auth.py SigV4Auth.add_auth; botocore SigV4Auth gives the same signature"
    else:
        source = "kscore/auth.py SigV4Auth.add_auth; botocore SigV4Auth differs (its canonical request: %s)" % json.dumps(b_cr, ensure_ascii=False)
    if suite:
        source += "; equals the AWS SigV4 test suite's %s signature" % suite[0]
    vec = {
        "name": name,
        "source": source,
        "input": {
            "method": method, "url": url, "headers": headers, "body": body, "timestamp": ts, "nonce": None,
            "accessKeyId": ak, "secretAccessKey": secret, "securityToken": token, "region": region,
            "service": service,
        },
        "expected": expected,
    }
    if note:
        vec["note"] = note
    return vec


# --------------------------------------------- the real KEC client request
class Captured(Exception):
    pass


def kec_call(params, token=None):
    freeze(TS)
    session = get_session()
    client = session.create_client(SERVICE, REGION, ks_access_key_id=AK, ks_secret_access_key=SK,
                                   ks_session_token=token, config=Config(user_agent=USER_AGENT))
    sent = {}

    def send(request, **kwargs):
        sent["request"] = request
        raise Captured()

    client._endpoint.http_session.send = send
    _capture.clear()
    try:
        client.modify_instance_image(**params)
    except Captured:
        pass
    p = sent["request"]
    headers = {k: text(v) for k, v in p.headers.items()}
    body = text(p.body) or ""
    return p, headers, body


def real_vector(name, params, token=None):
    p, headers, body = kec_call(params, token)
    pre = dict(_capture["pre_headers"])
    sent = dict(headers)
    if not any(k.lower() == "host" for k in sent):
        sent["Host"] = netloc(p.url)
    vec = {
        "name": name,
        "source": "kscore client('kec').modify_instance_image, request recorded before the HTTP session",
        "input": {
            "method": p.method, "url": p.url, "headers": pre, "body": body, "timestamp": TS, "nonce": None,
            "accessKeyId": AK, "secretAccessKey": SK, "securityToken": token, "region": REGION,
            "service": SERVICE,
        },
        "expected": {
            "canonicalRequest": _capture["canonical_request"],
            "stringToSign": _capture["string_to_sign"],
            "signedHeaders": _capture["signed_headers"],
            "credentialScope": _capture["credential_scope"],
            "signature": _capture["signature"],
            "authorization": sent["Authorization"],
            "headers": sent,
            "url": p.url,
            "body": body,
        },
    }
    return vec, p, sent, body


INSTANCE_ID = "98284100-f6d1-4bbf-886a-1b0765024738"   # seed 002 example values
IMAGE_ID = "8f12ad9e-ae9a-44b9-95f3-c4e65ce582e2"
PASSWORD = "1qaQ!abc"
KEY_1 = "552a0523-b9b4-4868-b8d9-52ad7a38bf89"
KEY_2 = "0b6c1f3e-7a2d-4c59-9e84-3f1a2b5c6d7e"          # a second key, invented to show list encoding


def main():
    vectors = []
    list_params = {"InstanceId": INSTANCE_ID, "ImageId": IMAGE_ID, "InstancePassword": PASSWORD,
                   "KeyId": [KEY_1, KEY_2]}
    v_list, p_list, sent_list, body_list = real_vector(
        "ksyun ModifyInstanceImage via kscore, KeyId as a list (sent as repeated KeyId=)", list_params)
    signing_list = {k: v_list["expected"][k] for k in
                    ("canonicalRequest", "stringToSign", "signedHeaders", "signature", "authorization")}
    dotted = {"InstanceId": INSTANCE_ID, "ImageId": IMAGE_ID, "InstancePassword": PASSWORD,
              "KeyId.1": KEY_1, "KeyId.2": KEY_2}
    v_dot, p_dot, sent_dot, body_dot = real_vector(
        "ksyun ModifyInstanceImage via kscore, documented KeyId.1/KeyId.2 names", dotted)
    signing_dot = {k: v_dot["expected"][k] for k in
                   ("canonicalRequest", "stringToSign", "signedHeaders", "signature", "authorization")}
    v_tok, _, _, _ = real_vector("ksyun ModifyInstanceImage via kscore + security token", dotted, TOKEN)
    vectors += [v_list, v_dot, v_tok]

    # Seed 002's curl: POST with the parameters in an x-www-form-urlencoded body.
    form = percent_encode_sequence([("InstanceId", INSTANCE_ID), ("ImageId", IMAGE_ID),
                                    ("InstancePassword", PASSWORD), ("KeyId.1", KEY_1), ("KeyId.2", KEY_2)])
    vectors.append(sign_generic(
        "seed 002 curl shape: POST form body, Action/Version in the query", "POST",
        ENDPOINT + "/?Action=ModifyInstanceImage&Version=2016-03-04",
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}, form,
        note="the body is hashed; kscore itself sends this operation as GET (service-2.yaml)"))

    # Kingsoft's signing guide example (docs document 37587): image recognition
    # service `kir`; its SK is not published, so the signature is kscore's with
    # this file's SK; kscore also signs Content-Type, which the guide leaves out.
    kir_query = percent_encode_sequence([("Action", "ClassifyTerrorismImage"), ("Version", "2017-11-07"),
                                         ("image_url", "https://ks3-cn-beijing.ksyun.com/imgdb/vision.jpg")])
    vectors.append(sign_generic(
        "kingsoft signing guide example (kir ClassifyTerrorismImage)", "GET",
        "http://kir.api.ksyun.com/?" + kir_query,
        {"Content-Type": "application/x-www-form-urlencoded", "X-Amz-Date": "20171129T100303Z"}, "",
        ts="2017-11-29T10:03:03Z", service="kir", ak="AKLTfERrGQtUQNiiirSQFW7BzQ"))

    # AWS public test suite requests (aws-signing-test-suite/v4), suite credentials.
    suite = dict(ts=SUITE_TS, ak=SUITE_AK, secret=SUITE_SK, region="us-east-1", service="service")
    vectors.append(sign_generic(
        "aws suite get-vanilla", "GET", "https://example.amazonaws.com/", {}, "",
        suite=("get-vanilla", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"), **suite))
    vectors.append(sign_generic(
        "aws suite get-vanilla-query-order-encoded", "GET",
        "https://example.amazonaws.com/?Param-3=Value3&Param=Value2&%E1%88%B4=Value1", {}, "",
        suite=("get-vanilla-query-order-encoded",
               "371d3713e185cc334048618a97f809c9ffe339c62934c032af5a0e595648fcac"), **suite))
    vectors.append(sign_generic(
        "aws suite get-vanilla-with-session-token", "GET", "https://example.amazonaws.com/", {}, "",
        token="6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267",
        suite=("get-vanilla-with-session-token",
               "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8"), **suite))
    vectors.append(sign_generic(
        "aws suite get-header-value-trim: kscore keeps inner spaces", "GET", "https://example.amazonaws.com/",
        {"My-Header1": " value1", "My-Header2": "\"a   b   c\""}, "",
        note="the suite (and botocore) fold inner runs to one space and get acc3ed3a…; kscore only strips",
        **suite))

    vectors.append(sign_generic(
        "query: RFC 3986 encoding (%20, %2A, ~), repeated and unsorted keys", "GET",
        ENDPOINT + "/?Version=2016-03-04&Action=DescribeInstances&Filter.1.Name=name&Filter.1.Value.1=a%20b"
                   "&Filter.1.Value.1=a%2Ab&Search=~x&Empty=&Marker=%E6%97%A5%E6%9C%AC", {}, ""))
    vectors.append(sign_generic(
        "path: dot segments removed, escapes encoded again", "GET",
        ENDPOINT + "/a/./b/../c//d%20e/~f*g", {}, "",
        note="remove_dot_segments then quote(safe='/~'): %20 becomes %2520"))
    vectors.append(sign_generic(
        "header whitespace: stripped, inner runs kept", "GET", ENDPOINT + "/?Action=DescribeInstances",
        {"X-Custom": "  a   b \t c  ", "X-Lead": "\tv", "X-Unicode": "\u00a0wert ß\u3000"}, ""))
    vectors.append(sign_generic(
        "repeated header name in two cases: values sorted then joined", "GET", ENDPOINT + "/",
        {"X-Dup": "b", "x-dup": " c"}, "",
        note="kscore joins sorted(get_all(name)) with ',', sorting the raw values before stripping (so ' c' sorts before 'b'); botocore keeps the given order"))
    vectors.append(sign_generic(
        "user-agent and expect are not signed", "POST", ENDPOINT + "/?Action=RunInstances",
        {"User-Agent": "reinstall-kit", "Expect": "100-continue", "Content-Type": "application/json"},
        "{\"a\":1}"))
    vectors.append(sign_generic(
        "empty POST body", "POST", ENDPOINT + "/?Action=ModifyInstanceImage&Version=2016-03-04",
        {"Content-Type": "application/x-www-form-urlencoded"}, ""))
    vectors.append(sign_generic(
        "non-ASCII JSON body", "POST", ENDPOINT + "/?Action=CreateTags",
        {"Content-Type": "application/json"}, '{"Name": "服务器-ü €", "Note": "tab\\t"}'))
    vectors.append(sign_generic(
        "port in the host", "GET", "https://kec.api.ksyun.com:8443/?Action=DescribeInstances", {}, ""))
    vectors.append(sign_generic(
        "explicit default port is signed as written", "GET",
        "https://kec.api.ksyun.com:443/?Action=DescribeInstances", {}, "",
        note="kscore signs urlsplit(url).netloc; botocore drops a default port"))
    vectors.append(sign_generic(
        "security token replaces a caller's token header", "GET", ENDPOINT + "/?Action=DescribeInstances",
        {"x-amz-security-token": "stale"}, "", token=TOKEN))
    vectors.append(sign_generic(
        "caller-given X-Amz-Date is the signing time", "GET", ENDPOINT + "/?Action=DescribeInstances",
        {"x-amz-date": "20230102T030405Z"}, "", clock="2023-01-02T03:04:05Z",
        note="kscore always re-stamps X-Amz-Date from its clock (frozen here at the given value); "
             "the scheme keeps the caller's value"))
    vectors.append(sign_generic(
        "Date header is re-stamped and replaces X-Amz-Date", "GET", ENDPOINT + "/?Action=DescribeInstances",
        {"Date": "Thu, 01 Jan 1970 00:00:00 GMT"}, "",
        note="_set_necessary_date_headers: formatdate(timestamp), no X-Amz-Date sent"))
    vectors.append(sign_generic(
        "caller X-Amz-Content-SHA256 is the payload hash", "PUT", ENDPOINT + "/bucket/key",
        {"X-Amz-Content-SHA256": "UNSIGNED-PAYLOAD", "Content-Type": "text/plain"}, "body bytes"))
    vectors.append(sign_generic(
        "caller Authorization is replaced", "GET", ENDPOINT + "/?Action=DescribeInstances",
        {"Authorization": "AWS4-HMAC-SHA256 Credential=old"}, ""))
    vectors.append(sign_generic(
        "no secret: canonical strings only", "GET",
        ENDPOINT + "/?Action=ModifyInstanceImage&Version=2016-03-04&InstanceId=" + INSTANCE_ID,
        {"Accept": "application/json"}, "", secret=None,
        note="kscore needs a secret to run; it ran with a placeholder and the signature was dropped"))

    write_json(OUT_VECTORS, {"scheme": "aws-sigv4", "generator": GENERATOR, "vectors": vectors})

    doc = {
        "provider": "ksyun",
        "generator": "ksc-sdk-python==%s" % KS_VERSION,
        "input": {
            "params": {"InstanceId": INSTANCE_ID, "ImageId": IMAGE_ID, "InstancePassword": PASSWORD,
                       "KeyId": [KEY_1, KEY_2]},
            "context": {"region": REGION, "endpoint": ENDPOINT, "accessKeyId": AK, "secretAccessKey": SK,
                        "securityToken": None, "timestamp": TS},
        },
        "request": {"method": p_list.method, "url": p_list.url, "headers": sent_list, "body": body_list},
        "signing": signing_list,
        "documentedNames": {
            "why": "kscore has no parameter shapes for kec (data/kec/2016-03-04/service-2.yaml lists only "
                   "operation names and methods), so a list goes through percent_encode_sequence as "
                   "repeated KeyId= pairs. The API document (seed 002, RULES.md 3.1/3.6) names them "
                   "KeyId.1, KeyId.2, which the project follows; this is the same client call with those "
                   "names passed flat.",
            "params": dotted,
            "request": {"method": p_dot.method, "url": p_dot.url, "headers": sent_dot, "body": body_dot},
            "signing": signing_dot,
        },
        "notes": [
            "kscore sends every kec operation of service-2.yaml with its declared method; ModifyInstanceImage "
            "is GET, all parameters in the query in insertion order (Action, Version first), body empty.",
            "Accept, X-Action and X-Version come from kscore's QueryAcceptJsonSerializer (protocol query-json) "
            "and are signed; User-Agent is never signed (SIGNED_HEADERS_BLACKLIST). It was pinned to "
            "KSCore/<version> here; by default it also carries Python/<ver> <system>/<release>.",
            "Host is not set by kscore: the HTTP library sends it; kscore signs urlsplit(url).netloc.",
        ],
    }
    write_json(os.path.join(OUT_REQUESTS, "ksyun.json"), doc)
    print("wrote %d vectors" % len(vectors), file=sys.stderr)


def write_json(path, doc):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
