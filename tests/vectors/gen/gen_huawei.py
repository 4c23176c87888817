#!/usr/bin/env python3
"""Ground-truth vectors for the `huawei-sdk-hmac-sha256` scheme, made by the
official Huawei Cloud Python SDK (huaweicloudsdkcore + huaweicloudsdkecs).

Writes (relative to this file):
  ../huawei-sdk-hmac-sha256.json   signing vectors (tests/signing_vectors.rs)
  ../requests/huaweicloud.json     the exact ChangeServerOsWithoutCloudInit request (seed 000 example)
  ../requests/otc.json             the same SDK call for Open Telekom Cloud (seed 001 example)
  ../requests/<provider>-every-member.json  every body member at once, given in another order

Run by hand, in a venv outside the repository:
  python3 -m venv /tmp/venv-hs
  /tmp/venv-hs/bin/pip install -r tests/vectors/gen/requirements-huawei-sigv4.txt
  /tmp/venv-hs/bin/python tests/vectors/gen/gen_huawei.py

Deterministic: the signer's clock is frozen, credentials are fixed, the
SDK's machine-dependent User-Agent suffix is switched off, and HOME points to
a throw-away directory (importing the SDK writes ~/.huaweicloud/application_id).
Nothing is sent: a fake transport adapter records the prepared request.
"""

import copy
import datetime as _dt
import json
import os
import sys
import tempfile
from urllib.parse import unquote_plus

os.environ["HOME"] = tempfile.mkdtemp(prefix="hs-home-")

import requests  # noqa: E402
from importlib.metadata import version  # noqa: E402

import huaweicloudsdkcore.signer.signer as hw_signer  # noqa: E402
from huaweicloudsdkcore.auth.credentials import BasicCredentials  # noqa: E402
from huaweicloudsdkcore.http.http_config import HttpConfig  # noqa: E402
from huaweicloudsdkcore.sdk_request import SdkRequest  # noqa: E402
from huaweicloudsdkecs.v2 import (  # noqa: E402
    ChangeServerOsWithoutCloudInitOption,
    ChangeServerOsWithoutCloudInitRequest,
    ChangeServerOsWithoutCloudInitRequestBody,
    ChangeSeversOsMetadataWithoutCloudInitOption,
    EcsClient,
)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_VECTORS = os.path.join(HERE, "..", "huawei-sdk-hmac-sha256.json")
OUT_REQUESTS = os.path.join(HERE, "..", "requests")

GENERATOR = "huaweicloudsdkcore==%s / huaweicloudsdkecs==%s" % (
    version("huaweicloudsdkcore"), version("huaweicloudsdkecs"))

AK = "HPUAEXAMPLEAK0000001"
SK = "ExampleSecretKey0123456789abcdefghijklmn"
TOKEN = "gQpjbi1ub3J0aC00EXAMPLE+token/with=chars"
TS = "2024-05-06T07:08:09Z"
PROJECT_ID = "0123456789abcdef0123456789abcdef"
SERVER_ID = "b0a9a4b7-3e5c-4d35-9a1e-6c2f8d1e4a77"
# Used only to run the SDK for the vector without a secret (the SDK refuses an
# empty SK); the signature it gives is dropped from that vector.
DUMMY_SK = "unused-secret-for-canonical-strings-only"


# ---------------------------------------------------------------- frozen clock
_frozen = [None]


class FrozenDatetime(_dt.datetime):
    @classmethod
    def utcnow(cls):
        return _frozen[0]


hw_signer.datetime = FrozenDatetime  # signer.py does `from datetime import datetime`


def freeze(ts):
    _frozen[0] = FrozenDatetime.strptime(ts, "%Y-%m-%dT%H:%M:%SZ")


# ------------------------------------------- capture what the signer computes
_capture = {}
_orig = {
    "sign": hw_signer.Signer.sign,
    "cr": hw_signer.Signer._process_canonical_request,
    "sts": hw_signer.Signer._process_string_to_sign,
    "sig": hw_signer.Signer._sign_string_to_sign,
}


def _sign(self, request):
    _capture["pre_headers"] = copy.deepcopy(request.header_params)
    return _orig["sign"](self, request)


def _cr(self, request, signed_headers):
    out = _orig["cr"](self, request, signed_headers)
    _capture["canonical_request"] = out
    _capture["signed_headers"] = ";".join(signed_headers)
    return out


def _sts(self, canonical_request, t):
    out = _orig["sts"](self, canonical_request, t)
    _capture["string_to_sign"] = out
    return out


def _sig(self, string_to_sign, key):
    out = _orig["sig"](self, string_to_sign, key)
    _capture["signature"] = out
    return out


hw_signer.Signer.sign = _sign
hw_signer.Signer._process_canonical_request = _cr
hw_signer.Signer._process_string_to_sign = _sts
hw_signer.Signer._sign_string_to_sign = _sig


def wire_headers(header_params):
    # Signer._process_canonical_headers writes every value back as
    # value.strip().encode('utf-8').decode('iso-8859-1') so that `requests`
    # puts the UTF-8 bytes on the wire; undo that to get the real text.
    out = {}
    for k, v in header_params.items():
        try:
            out[k] = v.encode("iso-8859-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            out[k] = v
    return out


# ------------------------------------------------- generic signing vectors
def split_url(url):
    scheme, rest = url.split("://", 1)
    rest = rest.split("#", 1)[0]
    cut = min([i for i in (rest.find("/"), rest.find("?")) if i >= 0] or [len(rest)])
    netloc, after = rest[:cut], rest[cut:]
    path, _, query = after.partition("?")
    return scheme.lower(), netloc, path or "/", query


def query_pairs(query):
    # Same reading as the crate's url::parse_query: split on '&', skip empty
    # pieces, form-decode ('+' is a space). The SDK itself takes these pairs as
    # SdkRequest.query_params (it never parses a URL).
    pairs = []
    for piece in query.split("&"):
        if not piece:
            continue
        k, _, v = piece.partition("=")
        pairs.append((unquote_plus(k), unquote_plus(v)))
    return pairs


def sign_generic(name, source, method, url, headers, body, ts=TS, secret=SK, token=None, note=None, ak=AK):
    freeze(ts)
    scheme, netloc, path, query = split_url(url)
    # serde_json (no preserve_order) hands the crate the headers sorted by name.
    header_params = {k: headers[k] for k in sorted(headers)}
    req = SdkRequest(method=method, schema=scheme, host=netloc, resource_path=path,
                     query_params=query_pairs(query), header_params=header_params, body=body)
    creds = BasicCredentials(ak, secret or DUMMY_SK)
    if token:
        creds.with_security_token(token)
    _capture.clear()
    # Credentials.sign_request adds X-Security-Token, then runs Signer.sign
    # (the path every SDK call takes; auth/credentials.py).
    creds.sign_request(req)
    sent = wire_headers(req.header_params)
    expected = {
        "canonicalRequest": _capture["canonical_request"],
        "stringToSign": _capture["string_to_sign"],
        "signedHeaders": _capture["signed_headers"],
        "signature": _capture["signature"] if secret else None,
        "authorization": sent["Authorization"] if secret else None,
        "headers": sent,
        "url": req.url,
        "body": body,
    }
    if not secret:
        del sent["Authorization"]
        del expected["signature"]
        del expected["authorization"]
    vec = {
        "name": name,
        "source": source,
        "input": {
            "method": method, "url": url, "headers": headers, "body": body, "timestamp": ts,
            "nonce": None, "accessKeyId": ak, "secretAccessKey": secret, "securityToken": token,
            "region": None, "service": None,
        },
        "expected": expected,
    }
    if note:
        vec["note"] = note
    return vec


# --------------------------------------------- the real ECS SDK request
class RecordingAdapter(requests.adapters.BaseAdapter):
    def __init__(self):
        super().__init__()
        self.prepared = None

    def send(self, request, **kwargs):
        self.prepared = request
        resp = requests.Response()
        resp.status_code = 200
        resp.headers["Content-Type"] = "application/json"
        resp._content = b'{"job_id": "ff80808288d41e1b018990260955686a"}'
        resp.url = request.url
        resp.request = request
        return resp

    def close(self):
        pass


def ecs_change_os(endpoint, option, token=None):
    """Calls EcsClient.change_server_os_without_cloud_init exactly as a user would."""
    freeze(TS)
    config = HttpConfig.get_default_config()
    # The SDK appends "os/<system#version#arch> python/<ver> impl/<impl>; app/<uuid>"
    # (http/user_agent.py) unless user_agent is set; "" keeps just its fixed prefix.
    config.user_agent = ""
    creds = BasicCredentials(AK, SK, PROJECT_ID)
    if token:
        creds.with_security_token(token)
    client = EcsClient.new_builder().with_http_config(config).with_credentials(creds) \
        .with_endpoints([endpoint]).build()
    adapter = RecordingAdapter()
    client.get_http_client()._session.mount("https://", adapter)
    _capture.clear()
    request = ChangeServerOsWithoutCloudInitRequest(
        server_id=SERVER_ID, body=ChangeServerOsWithoutCloudInitRequestBody(os_change=option))
    client.change_server_os_without_cloud_init(request)
    p = adapter.prepared
    body = p.body.decode("utf-8") if isinstance(p.body, bytes) else p.body
    sdk_headers = {k: (v.encode("iso-8859-1").decode("utf-8") if isinstance(v, str) else v.decode("utf-8"))
                   for k, v in p.headers.items()}
    # Headers the SDK handed to the signer (Content-Type from ecs_client.py,
    # User-Agent from client.py, X-Project-Id from BasicCredentials), minus
    # X-Security-Token, which the scheme adds itself from securityToken.
    pre = {k: v for k, v in _capture["pre_headers"].items() if k != "X-Security-Token"}
    return p, body, sdk_headers, pre


def real_request(provider, endpoint, region, params, option, token=None):
    p, body, sent, pre = ecs_change_os(endpoint, option, token)
    signed_names = set(_capture["signed_headers"].split(";"))
    sdk_set = {k: v for k, v in sent.items() if k.lower() in signed_names or k == "Authorization"}
    library = {k: v for k, v in sent.items() if k not in sdk_set}
    vec = {
        "name": "%s ChangeServerOsWithoutCloudInit (seed example)%s" % (provider, " + security token" if token else ""),
        "source": "huaweicloudsdkecs EcsClient.change_server_os_without_cloud_init, request recorded at the transport",
        "input": {
            "method": p.method, "url": "%s/v1/%s/cloudservers/%s/changeos" % (endpoint, PROJECT_ID, SERVER_ID),
            "headers": pre, "body": body, "timestamp": TS, "nonce": None, "accessKeyId": AK,
            "secretAccessKey": SK, "securityToken": token, "region": None, "service": None,
        },
        "expected": {
            "canonicalRequest": _capture["canonical_request"],
            "stringToSign": _capture["string_to_sign"],
            "signedHeaders": _capture["signed_headers"],
            "signature": _capture["signature"],
            "authorization": sent["Authorization"],
            "headers": sdk_set,
            "url": p.url,
            "body": body,
        },
    }
    doc = {
        "provider": provider,
        "generator": GENERATOR,
        "input": {
            "params": params,
            "context": {"region": region, "endpoint": endpoint, "accessKeyId": AK, "secretAccessKey": SK,
                        "securityToken": token, "timestamp": TS, "projectId": PROJECT_ID},
        },
        "request": {"method": p.method, "url": p.url, "headers": sdk_set, "body": body},
        "httpLibraryHeaders": library,
        "signing": {
            "canonicalRequest": _capture["canonical_request"],
            "stringToSign": _capture["string_to_sign"],
            "signedHeaders": _capture["signed_headers"],
            "signature": _capture["signature"],
            "authorization": sent["Authorization"],
        },
        "notes": [
            "request.headers are the headers the SDK itself sets and signs (Host, X-Sdk-Date and "
            "Authorization by signer/signer.py; Content-Type by ecs_client.py; User-Agent by client.py; "
            "X-Project-Id by auth/credentials.py BasicCredentials). httpLibraryHeaders are added later by "
            "`requests` and are not signed.",
            "User-Agent: HttpConfig.user_agent was set to \"\" for reproducibility; by default the SDK "
            "appends \"; os/<system#version#arch> python/<ver> impl/<impl>; app/<uuid>\" and, since the "
            "Huawei signer signs every header without '_' in its name, that suffix is signed too.",
            "The body is the SDK's json.dumps of the model: ', ' and ': ' separators, keys in model order.",
        ],
    }
    return vec, doc


def seed_000_option():
    # seeds/000 "Example Request" (its trailing comma dropped: the SDK builds the body from the model)
    return ChangeServerOsWithoutCloudInitOption(
        keyname="KeyPair-350b", userid="7e25b1da389f4697a79df3a0e5bd494e",
        imageid="e215580f-73ad-429d-b6f2-5433947433b0",
        metadata=ChangeSeversOsMetadataWithoutCloudInitOption(
            system__encrypted="1", system__cmkid="83cdb52d-9ebf-4469-9cfa-e7b5b80da846"))


SEED_000_PARAMS = {
    "project_id": PROJECT_ID, "server_id": SERVER_ID,
    "os-change": {
        "keyname": "KeyPair-350b", "userid": "7e25b1da389f4697a79df3a0e5bd494e",
        "imageid": "e215580f-73ad-429d-b6f2-5433947433b0",
        "metadata": {"__system__encrypted": "1", "__system__cmkid": "83cdb52d-9ebf-4469-9cfa-e7b5b80da846"},
    },
}


def seed_001_option():
    # seeds/001 "Example Request"
    return ChangeServerOsWithoutCloudInitOption(
        keyname="KeyPair-350b", userid="7e25b1da389f4697a79df3a0e5bd494e",
        imageid="e215580f-73ad-429d-b6f2-5433947433b0", mode="withStopServer")


SEED_001_PARAMS = {
    "project_id": PROJECT_ID, "server_id": SERVER_ID,
    "os-change": {
        "keyname": "KeyPair-350b", "userid": "7e25b1da389f4697a79df3a0e5bd494e",
        "imageid": "e215580f-73ad-429d-b6f2-5433947433b0", "mode": "withStopServer",
    },
}

def every_member_option(provider):
    # Every body member the provider's table takes at once: the SDK writes them
    # in its model order (openapi_types), whatever order the caller used.
    meta = ChangeSeversOsMetadataWithoutCloudInitOption(byol="true")
    if provider == "otc":
        return ChangeServerOsWithoutCloudInitOption(
            keyname="KeyPair-350b", userid="7e25b1da389f4697a79df3a0e5bd494e",
            imageid="e215580f-73ad-429d-b6f2-5433947433b0", mode="withStopServer", metadata=meta)
    meta.system__encrypted = "1"
    meta.system__cmkid = "83cdb52d-9ebf-4469-9cfa-e7b5b80da846"
    return ChangeServerOsWithoutCloudInitOption(
        adminpass="Reinstall@2024", imageid="e215580f-73ad-429d-b6f2-5433947433b0", mode="withStopServer",
        metadata=meta, is_auto_pay="true")


# The same members in the caller's own order (reversed from the model's).
EVERY_MEMBER_PARAMS = {
    "huaweicloud": {
        "project_id": PROJECT_ID, "server_id": SERVER_ID,
        "os-change": {
            "isAutoPay": "true",
            "metadata": {"BYOL": "true", "__system__cmkid": "83cdb52d-9ebf-4469-9cfa-e7b5b80da846",
                         "__system__encrypted": "1"},
            "mode": "withStopServer", "imageid": "e215580f-73ad-429d-b6f2-5433947433b0",
            "adminpass": "Reinstall@2024",
        },
    },
    "otc": {
        "project_id": PROJECT_ID, "server_id": SERVER_ID,
        "os-change": {
            "metadata": {"BYOL": "true"}, "mode": "withStopServer",
            "imageid": "e215580f-73ad-429d-b6f2-5433947433b0",
            "userid": "7e25b1da389f4697a79df3a0e5bd494e", "keyname": "KeyPair-350b",
        },
    },
}

HW_ENDPOINT = "https://ecs.cn-north-4.myhuaweicloud.com"
OTC_ENDPOINT = "https://ecs.eu-de.otc.t-systems.com"
SDK = "huaweicloudsdkcore auth/credentials.py Credentials.sign_request -> signer/signer.py Signer.sign"


def main():
    vectors = []
    hw_vec, hw_doc = real_request("huaweicloud", HW_ENDPOINT, "cn-north-4", SEED_000_PARAMS, seed_000_option())
    otc_vec, otc_doc = real_request("otc", OTC_ENDPOINT, "eu-de", SEED_001_PARAMS, seed_001_option())
    tok_vec, _ = real_request("huaweicloud", HW_ENDPOINT, "cn-north-4", SEED_000_PARAMS, seed_000_option(), TOKEN)
    vectors += [hw_vec, otc_vec, tok_vec]

    # Huawei's own worked example (devg-apisign, "Constructing a Standard Request"):
    # GET .../vpcs?limit=2&marker=..., Content-Type: application/json,
    # X-Sdk-Date: 20191115T033655Z; the page's string-to-sign hashes the
    # canonical request to b25362e6…; its AK/SK are not published, so the
    # signature here is the SDK's with this file's SK.
    doc = sign_generic(
        "huawei signing guide worked example (VPC list)", SDK, "GET",
        "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
        {"Content-Type": "application/json", "X-Sdk-Date": "20191115T033655Z"}, "", ak="QTWAOYTTINDUT2QVKYUC",
        note="string-to-sign must end in b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a "
             "as printed in Huawei's signing guide")
    assert doc["expected"]["stringToSign"].endswith(
        "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"), doc["expected"]["stringToSign"]
    vectors.append(doc)

    vectors.append(sign_generic(
        "canonical URI: per-segment encoding, forced trailing slash", SDK, "GET",
        "https://ecs.example.com/v1/a%20b/c*d~e/%E5%90%8D/x%2Fy/f+g", {"Content-Type": "application/json"}, "",
        note="the path is percent-decoded first (so %2F becomes a separator), each segment re-encoded "
             "RFC 3986 (space %20, * %2A, ~ kept, + %2B), and a '/' appended; the URL is sent as given"))
    vectors.append(sign_generic(
        "canonical URI already ending in slash", SDK, "DELETE",
        "https://ecs.example.com/v1/proj/servers/", {}, ""))
    vectors.append(sign_generic(
        "query: repeated and unsorted keys, RFC 3986 encoding", SDK, "GET",
        "https://ecs.example.com/v1/proj/servers?name=b%20c&limit=10&name=a*b&tag=~x&flag&empty=&Zed=1",
        {"Content-Type": "application/json"}, "",
        note="pairs sorted by (key, value); key without '=' signs as 'flag='; the SDK sends the "
             "canonical query string as the URL query"))
    vectors.append(sign_generic(
        "non-ASCII query value and JSON body", SDK, "POST",
        "https://ecs.example.com/v1/proj/servers/action?name=%E6%9C%8D%E5%8A%A1%E5%99%A8+1",
        {"Content-Type": "application/json;charset=UTF-8"},
        '{"server": {"name": "服务器-ü €", "note": "tab\\tquote\\""}}'))
    vectors.append(sign_generic(
        "header whitespace, underscore header not signed", SDK, "GET",
        "https://ecs.example.com/v1/proj/servers",
        {"Content-Type": "application/json", "X-Custom": "  a   b \t c  ", "X-Lead": "\tv",
         "X_Not_Signed": " kept but unsigned ", "X-Unicode": "\u00a0wert ß\u3000"}, "",
        note="values are only stripped (Python str.strip), inner runs are kept; names containing '_' "
             "are sent but never signed"))
    vectors.append(sign_generic(
        "empty POST body", SDK, "POST",
        "https://ecs.example.com/v1/proj/cloudservers/action", {"Content-Type": "application/json"}, ""))
    vectors.append(sign_generic(
        "non-JSON Content-Type adds X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD", SDK, "PUT",
        "https://obs.example.com/bucket/key.txt", {"Content-Type": "text/plain"}, "hello world\n",
        note="signer.py _process_content_header: a Content-Type other than application/json or "
             "application/bson makes the body hash the literal UNSIGNED-PAYLOAD"))
    vectors.append(sign_generic(
        "lower-case content-type does not trigger UNSIGNED-PAYLOAD", SDK, "PUT",
        "https://obs.example.com/bucket/key.txt", {"content-type": "text/plain"}, "hello world\n",
        note="_process_content_header looks up the exact key 'Content-Type'"))
    vectors.append(sign_generic(
        "security token header", SDK, "GET",
        "https://ecs.example.com/v1/proj/servers", {"Content-Type": "application/json"}, "", token=TOKEN))
    vectors.append(sign_generic(
        "port in the host", SDK, "GET",
        "https://ecs.example.com:8443/v1/proj/servers?limit=1", {"Content-Type": "application/json"}, ""))
    vectors.append(sign_generic(
        "explicit default port stays in Host", SDK, "GET",
        "https://ecs.example.com:443/v1/proj/servers", {}, "",
        note="the SDK signs and sends request.host, the endpoint's netloc as written"))
    vectors.append(sign_generic(
        "caller-given Host and X-Sdk-Date are used as given", SDK, "POST",
        "https://10.1.2.3/v1/proj/servers",
        {"Content-Type": "application/json", "Host": "ecs.internal.example.com", "X-Sdk-Date": "20230102T030405Z"},
        '{"a": 1}'))
    vectors.append(sign_generic(
        "no secret: canonical strings only", SDK, "POST",
        "https://ecs.example.com/v1/proj/cloudservers/srv/changeos",
        {"Content-Type": "application/json;charset=UTF-8", "X-Project-Id": "proj"},
        '{"os-change": {"imageid": "e215580f-73ad-429d-b6f2-5433947433b0"}}', secret=None,
        note="the SDK refuses an empty SK; it was run with a placeholder SK and the signature dropped"))

    write_json(OUT_VECTORS, {"scheme": "huawei-sdk-hmac-sha256", "generator": GENERATOR, "vectors": vectors})
    write_json(os.path.join(OUT_REQUESTS, "huaweicloud.json"), hw_doc)
    write_json(os.path.join(OUT_REQUESTS, "otc.json"), otc_doc)
    for provider, endpoint, region in (("huaweicloud", HW_ENDPOINT, "cn-north-4"), ("otc", OTC_ENDPOINT, "eu-de")):
        _, doc = real_request(provider, endpoint, region, EVERY_MEMBER_PARAMS[provider],
                              every_member_option(provider))
        write_json(os.path.join(OUT_REQUESTS, provider + "-every-member.json"), doc)
    print("wrote %d vectors" % len(vectors), file=sys.stderr)


def write_json(path, doc):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
