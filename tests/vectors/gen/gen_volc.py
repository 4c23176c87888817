#!/usr/bin/env python3
"""Ground-truth vectors for `volc-hmac-sha256`, made by the official
Volcengine Python signers, plus the exact reinstall request the official SDK
sends (tests/vectors/requests/volcengine.json).

Run by hand, in a venv outside the repository:

    python3 -m venv /tmp/venv-av
    /tmp/venv-av/bin/pip install -r tests/vectors/gen/requirements-aliyun-volc.txt
    /tmp/venv-av/bin/python tests/vectors/gen/gen_volc.py

The clock and the invocation id are frozen and no request leaves the machine:
urllib3 is replaced by a stub that records what would be sent. Output is
deterministic. See NOTES-aliyun-volc.md for what each signer does.

Signers used:
- `volcengine-python-sdk` volcenginesdkcore/signv4.py SignerV4.sign (primary);
  its debug log hands over the canonical request and string-to-sign;
- `volcengine` volcengine/auth/SignerV4.py SignerV4.sign, for repeated query
  names (the newer SDK collapses them) and as a cross-check.
"""

import datetime
import json
import os
import sys
import uuid
from collections import OrderedDict
from importlib import metadata
from urllib.parse import parse_qsl, quote, urlsplit

import urllib3

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.dirname(HERE)

TS = "2024-05-06T07:08:09Z"
AK = "AKLTEXAMPLEACCESSKEYID0000000000000000000000"
SK = "EXAMPLEsecretKEYbase64LikeValue0000000000000000=="
TOKEN = "nCitEXAMPLE+session/token=="
REGION = "cn-beijing"
# The signing document's demo key pair (authorizes nothing).
DOC_AK = "AKLTMjI2ODVlYzI3ZGY1NGU4ZjhjYWRjMTlmNTM5OTZkYzE"
DOC_SK = "TnpCak5XWXpZV1U0WkRaaE5ERmxaR0ZpTmpjeVkyUXlZek0wTWpJMU1qWQ=="
SERVICE = "ecs"


def pkg(name):
    return f"{name}=={metadata.version(name)}"


def to_dt(ts):
    return datetime.datetime.strptime(ts, "%Y-%m-%dT%H:%M:%SZ")


def parse_url(url):
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parse_qsl(parts.query, keep_blank_values=True)


def host_header(scheme, netloc):
    default = {"https": ":443", "http": ":80"}.get(scheme)
    if default and netloc.endswith(default):
        return netloc[: -len(default)]
    return netloc


def enc(s):
    # The signers' own encoder (Util.norm_query / SignerV4.canonical_query).
    return quote(s, safe="-_.~")


# --- capture hooks ------------------------------------------------------------

import volcenginesdkcore.signv4 as signv4  # noqa: E402
from volcengine.auth.SignerV4 import SignerV4 as OldSignerV4  # noqa: E402
from volcengine.auth import SignerV4 as old_signer_module  # noqa: E402
from volcengine.Credentials import Credentials  # noqa: E402
from volcengine.base.Request import Request as OldRequest  # noqa: E402

_log = {}


class _Recorder:
    def debug_sign(self, msg, *args, **_kw):
        _log[msg.split(":", 1)[0]] = args[0] if args else None

    def __getattr__(self, _name):
        return lambda *a, **k: None


signv4.sdk_core_logger = _Recorder()
_clock = {"now": to_dt(TS)}


class _FrozenDateTime(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return _clock["now"]


signv4.datetime.datetime = _FrozenDateTime

_old_calls = {"sha256": [], "hmac": []}
_orig_sha256 = old_signer_module.Util.sha256
_orig_hmac = old_signer_module.Util.hmac_sha256


def _rec_sha256(content):
    _old_calls["sha256"].append(content)
    return _orig_sha256(content)


def _rec_hmac(key, content):
    _old_calls["hmac"].append(content)
    return _orig_hmac(key, content)


old_signer_module.Util.sha256 = staticmethod(_rec_sha256)
old_signer_module.Util.hmac_sha256 = staticmethod(_rec_hmac)
OldSignerV4.get_current_format_date = staticmethod(lambda: _clock["now"].strftime("%Y%m%dT%H%M%SZ"))


def input_block(method, url, headers, body, ak, secret, token, timestamp, region, service):
    return OrderedDict(method=method, url=url, headers=headers, body=body, timestamp=timestamp, nonce=None,
                       accessKeyId=ak, secretAccessKey=secret, securityToken=token, region=region,
                       service=service)


def vector(name, source, method, url, headers=None, body="", secret=SK, token=None, timestamp=TS,
           region=REGION, service=SERVICE, signer="new", x_date=None, want_signature=None,
           want_authorization=None, ak=AK):
    headers = OrderedDict(headers or {})
    scheme, netloc, path, pairs = parse_url(url)
    # On the wire a header value has no surrounding optional whitespace; the
    # signers are handed what is sent.
    sent = OrderedDict((k, v.strip(" \t")) for k, v in headers.items())
    if "Host" not in sent:
        sent["Host"] = host_header(scheme, netloc)  # update_params_for_auth / Service.prepare_request
    _clock["now"] = to_dt(timestamp)
    if x_date:  # a caller-given X-Date: the signers overwrite it with their clock, so set the clock to it
        _clock["now"] = datetime.datetime.strptime(x_date, "%Y%m%dT%H%M%SZ")
    sk = secret or "unused"

    if signer == "new":
        _log.clear()
        signv4.SignerV4.sign(path, method, sent, body, [], list(pairs), ak, sk, region, service, token)
        canonical, sts = _log["canonical_request"], _log["string_to_sign"]
    else:
        _old_calls["sha256"].clear()
        _old_calls["hmac"].clear()
        req = OldRequest()
        req.method, req.path, req.headers, req.body = method, path, sent, body
        query = OrderedDict()
        for k, v in pairs:  # the old SDK takes a list for a repeated name
            query.setdefault(k, []).append(v)
        req.query = OrderedDict((k, v[0] if len(v) == 1 else v) for k, v in query.items())
        OldSignerV4.sign(req, Credentials(ak, sk, service, region, token or ""))
        canonical = next(c for c in _old_calls["sha256"] if isinstance(c, str) and c.startswith(method + "\n"))
        sts = _old_calls["hmac"][-1]
        sent = req.headers

    auth = sent["Authorization"]
    signed_headers = auth.split("SignedHeaders=", 1)[1].split(", Signature=", 1)[0]
    scope = auth.split("Credential=", 1)[1].split(", ", 1)[0].split("/", 1)[1]
    assert sts.split("\n")[2] == scope
    expected = OrderedDict(canonicalRequest=canonical, stringToSign=sts, signedHeaders=signed_headers,
                           credentialScope=scope)
    if secret:
        sig = auth.rsplit("Signature=", 1)[1]
        if want_signature is not None:
            assert sig == want_signature, (name, sig, want_signature)
        if want_authorization is not None:
            assert auth == want_authorization, (name, auth, want_authorization)
        expected["signature"] = sig
        expected["authorization"] = auth
    else:
        del sent["Authorization"]
    expected["headers"] = sent
    qs = "&".join(f"{enc(k)}={enc(v)}" for k, v in pairs)
    expected["url"] = f"{scheme}://{netloc}{path}" + (f"?{qs}" if qs else "")
    expected["body"] = body
    return OrderedDict(name=name, source=source,
                       input=input_block(method, url, headers, body, ak, secret, token, timestamp, region, service),
                       expected=expected)


# --- the real SDK flow ----------------------------------------------------------

_sent = []


def _fake_urlopen(self, method, url, body=None, headers=None, **_kw):
    _sent.append(OrderedDict(method=method, url=url, headers=OrderedDict(headers or {}),
                             body=(body.decode("utf-8") if isinstance(body, bytes) else body) or ""))
    payload = {"ResponseMetadata": {"RequestId": "2021062415303301022514515207C4****",
                                    "Action": "ReplaceSystemVolume", "Version": "2020-04-01",
                                    "Service": "ecs", "Region": REGION}, "Result": {}}
    return urllib3.HTTPResponse(body=json.dumps(payload).encode(), status=200,
                                headers={"Content-Type": "application/json"}, preload_content=False)


urllib3.PoolManager.urlopen = _fake_urlopen

# Seed 004's example values (ReplaceSystemVolume, Version 2020-04-01).
SEED = OrderedDict([
    ("InstanceId", "i-a8j6n1i4hojfqpa0****"),
    ("ImageId", "image-38dfk6rfisf6kir6****"),
    ("Password", "Password@123"),
])
INVOCATION_ID = "00000000-0000-4000-8000-000000000000"


def run_sdk():
    import volcenginesdkcore
    import volcenginesdkecs
    import volcenginesdkcore.interceptor.interceptors.request as rq

    rq.uuid.uuid4 = lambda: uuid.UUID(INVOCATION_ID)  # X-Sdk-Invocation-Id
    _clock["now"] = to_dt(TS)
    cfg = volcenginesdkcore.Configuration()
    cfg.ak, cfg.sk, cfg.region = AK, SK, REGION
    volcenginesdkcore.Configuration.set_default(cfg)
    api = volcenginesdkecs.ECSApi()
    req = volcenginesdkecs.ReplaceSystemVolumeRequest(
        instance_id=SEED["InstanceId"], image_id=SEED["ImageId"], password=SEED["Password"])
    _sent.clear()
    _log.clear()
    api.replace_system_volume(req)
    assert len(_sent) == 1
    return _sent[0], _log["canonical_request"], _log["string_to_sign"]


def main():
    wire, sdk_canonical, sdk_sts = run_sdk()
    v = []
    v.append(vector(
        "doc-example-list-users", "Volcengine signing document example (ListUsers, iam, cn-north-1), signed by "
        "volcengine-python-sdk signv4; matches the documented signature",
        "GET", "https://iam.volcengineapi.com/?Action=ListUsers&Version=2018-01-01&Limit=10&Offset=0",
        {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        timestamp="2020-12-30T08:18:05Z", region="cn-north-1", service="iam", ak=DOC_AK, secret=DOC_SK,
        want_signature="28eeabbbd726b87002e0fe58ad8c1c768e619b06e2646f35b6ad7ed029a6d8a7"))
    old = vector(
        "doc-example-list-users-volcengine-sdk", "the same document example signed by the older `volcengine` "
        "SDK (volcengine/auth/SignerV4.py): same bytes",
        "GET", "https://iam.volcengineapi.com/?Action=ListUsers&Version=2018-01-01&Limit=10&Offset=0",
        {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        timestamp="2020-12-30T08:18:05Z", region="cn-north-1", service="iam", ak=DOC_AK, secret=DOC_SK, signer="old",
        want_signature="28eeabbbd726b87002e0fe58ad8c1c768e619b06e2646f35b6ad7ed029a6d8a7")
    v.append(old)

    caller = OrderedDict((k, val) for k, val in wire["headers"].items()
                         if k not in {"Host", "X-Date", "X-Content-Sha256", "Authorization"})
    real = vector(
        "reinstall-replace-system-volume-sdk", "volcengine-python-sdk ECSApi.replace_system_volume (HTTP stubbed): "
        "URL, headers and Authorization equal what the SDK sent",
        "GET", wire["url"], caller, want_authorization=wire["headers"]["Authorization"])
    assert real["expected"]["url"] == wire["url"]
    assert real["expected"]["headers"] == wire["headers"]
    assert real["expected"]["canonicalRequest"] == sdk_canonical and real["expected"]["stringToSign"] == sdk_sts
    v.append(real)

    seed_url = ("https://open.volcengineapi.com/?Action=ReplaceSystemVolume&Version=2020-04-01"
                "&InstanceId=i-a8j6n1i4hojfqpa0****&ImageId=image-38dfk6rfisf6kir6****&Password=Password@123")
    v.append(vector(
        "seed-doc-request-bare", "seed 004's example request (GET, no Content-Type) signed by volcengine-python-sdk "
        "signv4; '*' and '@' arrive unencoded and are signed %2A / %40", "GET", seed_url))
    v.append(vector(
        "post-form-default-content-type", "volcengine-python-sdk signv4: a non-GET request without Content-Type "
        "gets application/x-www-form-urlencoded; charset=utf-8, signed; the body is hashed as given",
        "POST", "https://open.volcengineapi.com/?Action=ReplaceSystemVolume&Version=2020-04-01",
        body="InstanceId=i-a8j6n1i4hojfqpa0&Password=Password%40123"))
    v.append(vector(
        "post-json-non-ascii", "volcengine-python-sdk signv4: JSON body hashed as UTF-8 bytes",
        "POST", "https://open.volcengineapi.com/?Action=CreateTags&Version=2020-04-01",
        {"Content-Type": "application/json"}, body='{"Tags":[{"Key":"名字","Value":"重装 ☃ é"}]}'))
    v.append(vector(
        "security-token", "volcengine-python-sdk signv4: X-Security-Token added and signed",
        "GET", "https://open.volcengineapi.com/?Action=DescribeInstances&Version=2020-04-01", token=TOKEN))
    v.append(vector(
        "security-token-over-caller-header", "volcengine-python-sdk signv4 assigns X-Security-Token over a "
        "caller's stale value",
        "GET", "https://open.volcengineapi.com/?Action=DescribeInstances&Version=2020-04-01",
        {"X-Security-Token": "stale-token"}, token=TOKEN))
    v.append(vector(
        "rfc3986-query", "volcengine-python-sdk signv4 (quote, safe='-_.~'): space %20, * %2A, ~ literal, "
        "+ / = & escaped",
        "GET", "https://open.volcengineapi.com/?Action=DescribeInstances&Version=2020-04-01"
        "&InstanceName=a%20b%2Ac~d%2Be%2Ff%3Dg%26h&Plus=plus+is+space&Tilde=%7E"))
    v.append(vector(
        "repeated-and-unsorted-keys", "volcengine (older SDK) SignerV4 with list values: names sorted, a repeated "
        "name keeps its values in URL order (volcengine-python-sdk cannot express repeats)",
        "GET", "https://open.volcengineapi.com/?Version=2020-04-01&InstanceIds.1=i-b&Action=DescribeInstances"
        "&Tag=zeta&InstanceIds.10=i-j&Tag=alpha&InstanceIds.2=i-c&lower=x", signer="old"))
    v.append(vector(
        "header-whitespace-and-unsigned", "volcengine-python-sdk signv4 over the values as sent (surrounding "
        "spaces and tabs dropped, inner runs kept); Accept and User-Agent sent but not signed, X-* signed",
        "GET", "https://open.volcengineapi.com/?Action=DescribeInstances&Version=2020-04-01",
        OrderedDict([("Content-Type", "  text/plain\t"), ("X-Custom-Note", "\t a   b  "),
                     ("Accept", "application/json"), ("User-Agent", " reinstall-kit-test ")])))
    v.append(vector(
        "port-in-host", "volcengine-python-sdk signv4: a non-default port is signed in host",
        "GET", "https://open.volcengineapi.com:8443/?Action=DescribeInstances&Version=2020-04-01"))
    v.append(vector(
        "given-host-with-443", "volcengine-python-sdk signv4: a given Host is sent as given and signed without "
        ":443 (or :80)",
        "GET", "https://10.1.2.3/?Action=DescribeInstances&Version=2020-04-01",
        {"Host": "open.volcengineapi.com:443"}))
    v.append(vector(
        "http-default-port", "volcengine-python-sdk signv4: http URL with :80, Host without it",
        "GET", "http://open.volcengineapi.com:80/?Action=DescribeInstances&Version=2020-04-01"))
    v.append(vector(
        "non-ascii-query", "volcengine-python-sdk signv4: UTF-8 percent-encoding",
        "GET", "https://open.volcengineapi.com/?Action=ModifyInstanceAttribute&Version=2020-04-01&InstanceName="
        + quote("主机 ☃ é", safe="")))
    v.append(vector(
        "given-x-date", "volcengine-python-sdk signv4 with the caller's X-Date (scope date from it)",
        "GET", "https://open.volcengineapi.com/?Action=DescribeInstances&Version=2020-04-01",
        {"X-Date": "20300102T030405Z"}, x_date="20300102T030405Z"))
    v.append(vector(
        "empty-query-and-path", "volcengine-python-sdk signv4: empty canonical query, path signed as given",
        "PUT", "https://open.volcengineapi.com/some/path%20x", {"Content-Type": "text/plain"}, body="payload"))
    v.append(vector(
        "without-secret", "volcengine-python-sdk signv4 (canonical request, string-to-sign and scope only)",
        "GET", seed_url, secret=None))

    dump(os.path.join(VECTORS, "volc-hmac-sha256.json"), OrderedDict(
        scheme="volc-hmac-sha256",
        generator=f"{pkg('volcengine-python-sdk')} + {pkg('volcengine')}",
        vectors=v))

    auth = wire["headers"]["Authorization"]
    request_doc = OrderedDict(
        provider="volcengine",
        generator=f"{pkg('volcengine-python-sdk')} (volcenginesdkcore, volcenginesdkecs)",
        note="GET with every parameter in the query (urllib3 urlencode: booleans are spelled true/false by the "
             "SDK), no body, no Region parameter: the region only enters the credential scope. The SDK also sends "
             "and signs X-Sdk-Invocation-Id (a random UUID, frozen here) and X-Sdk-Request, and sends Content-Type "
             "text/plain on this GET.",
        input=OrderedDict(params=SEED, context=OrderedDict(region=REGION, accessKeyId=AK, secretAccessKey=SK,
                                                           timestamp=TS)),
        request=wire,
        signing=OrderedDict(
            canonicalRequest=sdk_canonical,
            stringToSign=sdk_sts,
            signedHeaders=auth.split("SignedHeaders=", 1)[1].split(", Signature=", 1)[0],
            credentialScope=sdk_sts.split("\n")[2],
            signature=auth.rsplit("Signature=", 1)[1],
            authorization=auth,
        ),
    )
    os.makedirs(os.path.join(VECTORS, "requests"), exist_ok=True)
    dump(os.path.join(VECTORS, "requests", "volcengine.json"), request_doc)


def dump(path, doc):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print("wrote", os.path.relpath(path, os.getcwd()), file=sys.stderr)


if __name__ == "__main__":
    main()
