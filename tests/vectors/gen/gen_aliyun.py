#!/usr/bin/env python3
"""Ground-truth vectors for `aliyun-rpc-v1` and `aliyun-acs3`, made by the
official Alibaba Cloud Python signers, plus the exact reinstall request the
official SDKs send (tests/vectors/requests/aliyun.json).

Run by hand, in a venv outside the repository:

    python3 -m venv /tmp/venv-av
    /tmp/venv-av/bin/pip install -r tests/vectors/gen/requirements-aliyun-volc.txt
    /tmp/venv-av/bin/python tests/vectors/gen/gen_aliyun.py

The clock and the nonces are frozen and no request leaves the machine: the
SDKs' HTTP layer is replaced by a stub that records what would be sent.
Output is deterministic (same SDK versions -> same bytes). See
NOTES-aliyun-volc.md for what each signer does.

What the signers compute comes from the SDKs; what this script does itself is
only what a caller of the SDK does: parse the input URL into the SDK's dict,
and choose which headers to hand to the signer (see `acs3_vector`).
"""

import hashlib
import json
import os
import sys
from collections import OrderedDict
from importlib import metadata
from urllib.parse import parse_qsl, quote, urlencode, urlsplit
from urllib.request import pathname2url

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.dirname(HERE)

# Fixed inputs (fake credentials: they authorize nothing).
TS = "2024-05-06T07:08:09Z"
NONCE = "3156853299f313e23d1673dc12e1703d"
AK = "LTAI5tEXAMPLEACCESSKEYID"
SK = "EXAMPLEsecretACCESSkey0123456789"
TOKEN = "CAIS+EXAMPLE/security=token~*"


def pkg(name):
    return f"{name}=={metadata.version(name)}"


# --- the caller's side: URL -> the dict the SDKs take -----------------------

def parse_url(url):
    """(scheme, netloc, path, pairs): pairs decoded in URL order, blanks kept."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    return parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", pairs


def host_header(scheme, netloc):
    default = {"https": ":443", "http": ":80"}.get(scheme)
    if default and netloc.endswith(default):
        return netloc[: -len(default)]
    return netloc


def is_form(headers):
    return any(
        k.lower() == "content-type"
        and v.split(";")[0].strip().lower() == "application/x-www-form-urlencoded"
        for k, v in headers.items()
    )


def input_block(method, url, headers, body, nonce, secret, token, timestamp):
    return OrderedDict(
        method=method,
        url=url,
        headers=headers,
        body=body,
        timestamp=timestamp,
        nonce=nonce,
        accessKeyId=AK,
        secretAccessKey=secret,
        securityToken=token,
        region=None,
        service=None,
    )


# --- aliyun-rpc-v1 ----------------------------------------------------------

from aliyunsdkcore.auth.composer import rpc_signature_composer as rsc  # noqa: E402
from alibabacloud_openapi_util.client import Client as OpenApiUtil  # noqa: E402
import alibabacloud_openapi_util.client as oau  # noqa: E402

# Module-private helpers of aliyunsdkcore's composer (module-level `__names`
# are not mangled, getattr reaches them).
sdkcore_string_to_sign = getattr(rsc, "__compose_string_to_sign")
sdkcore_pop = getattr(rsc, "__pop_standard_urlencode")
sdkcore_signature = getattr(rsc, "__get_signature")


def rpc_vector(name, source, method, url, headers=None, body="", secret=SK, token=None,
               nonce=NONCE, timestamp=TS, want_signature=None, want_url=None, want_sts=None):
    headers = OrderedDict(headers or {})
    scheme, netloc, path, pairs = parse_url(url)
    params = OrderedDict()
    for k, v in pairs:  # dict semantics: a repeated name keeps its place, last value wins
        params[k] = v
    params.pop("Signature", None)  # __refresh_sign_parameters drops it
    # The common parameters, in aliyunsdkcore's order (StsTokenSigner adds the
    # token to the request, then __refresh_sign_parameters the rest). What the
    # URL already carries is used as given.
    if token:
        params.setdefault("SecurityToken", token)
    params.setdefault("Timestamp", timestamp)
    params.setdefault("SignatureMethod", "HMAC-SHA1")
    params.setdefault("SignatureVersion", "1.0")
    params.setdefault("SignatureNonce", nonce)
    params.setdefault("AccessKeyId", AK)

    body_params = OrderedDict(parse_qsl(body, keep_blank_values=True)) if is_form(headers) else {}
    sign_params = dict(params)
    sign_params.update(body_params)  # as get_signed_url does

    sts = sdkcore_string_to_sign(method, sign_params)
    # The canonicalized query string is the intermediate value of
    # __compose_string_to_sign; recompute it with the same SDK primitives and
    # check it is what was signed.
    canonical = sdkcore_pop(urlencode(sorted(sign_params.items(), key=lambda kv: kv[0])))
    assert sts == method + "&%2F&" + sdkcore_pop(pathname2url(canonical)), name
    if want_sts is not None:
        assert sts == want_sts, (name, sts, want_sts)

    url_params = list(params.items())
    expected = OrderedDict(canonicalRequest=canonical, stringToSign=sts)
    if secret:
        sig = sdkcore_signature(sts, secret)
        # Second official signer: alibabacloud-openapi-util must agree.
        assert sig == OpenApiUtil.get_rpcsignature(sign_params, method, secret), name
        if want_signature is not None:
            assert sig == want_signature, (name, sig, want_signature)
        expected["signature"] = sig
        url_params.append(("Signature", sig))
    # get_signed_url's own URL encoder.
    expected["url"] = f"{scheme}://{netloc}{path}?" + sdkcore_pop(urlencode(url_params))
    if want_url is not None:
        assert expected["url"] == want_url, (name, expected["url"], want_url)
    expected["headers"] = headers
    expected["body"] = body
    return OrderedDict(
        name=name,
        source=source,
        input=input_block(method, url, headers, body, nonce, secret, token, timestamp),
        expected=expected,
    )


# --- aliyun-acs3 ------------------------------------------------------------

_captured = {}
_orig_hash = oau.Client.hash
_orig_signature_method = oau.signature_method


def _capture_hash(raw, sign_type):
    _captured["canonical"] = raw.decode("utf-8")
    return _orig_hash(raw, sign_type)


def _capture_signature_method(secret, source, sign_type):
    _captured["sts"] = source
    return _orig_signature_method(secret, source, sign_type)


# get_authorization looks both up at call time: wrap them to read the
# canonical request and the string-to-sign it builds.
oau.Client.hash = staticmethod(_capture_hash)
oau.signature_method = _capture_signature_method


class _Req:
    def __init__(self, method, pathname, query, headers):
        self.method, self.pathname, self.query, self.headers = method, pathname, query, headers


def acs3_signed(name):
    return name == "host" or name == "content-type" or name.startswith("x-acs-")


def acs3_vector(name, source, method, url, headers, body="", secret=SK, token=None,
                nonce=NONCE, timestamp=TS, want_signature=None):
    headers = OrderedDict(headers)
    scheme, netloc, path, pairs = parse_url(url)
    query = OrderedDict()
    for k, v in pairs:
        query[k] = v
    # What goes on the wire: the caller's headers, values without HTTP optional
    # whitespace, then what tea-openapi do_request adds (same names, same order).
    sent = OrderedDict((k, v.strip(" \t")) for k, v in headers.items() if k.lower() != "authorization")

    def add(hname, value):
        if not any(k.lower() == hname for k in sent):
            sent[hname] = value

    add("host", host_header(scheme, netloc))
    add("x-acs-date", timestamp)
    add("x-acs-signature-nonce", nonce)
    add("x-acs-content-sha256", hashlib.sha256(body.encode("utf-8")).hexdigest())
    if token:
        # do_request assigns these over whatever the caller gave.
        for hname, value in (("x-acs-accesskey-id", AK), ("x-acs-security-token", token)):
            sent[hname] = value
    payload = next(v for k, v in sent.items() if k.lower() == "x-acs-content-sha256")
    # Hand the signer host, content-type and x-acs-* (npm @alicloud/openapi-util
    # getAuthorizationHeaders and the V3 document); Python's get_authorization
    # signs whatever it is handed.
    to_sign = OrderedDict((k, v) for k, v in sent.items() if acs3_signed(k.lower()))
    _captured.clear()
    auth = OpenApiUtil.get_authorization(
        _Req(method, path, dict(query), to_sign), "ACS3-HMAC-SHA256", payload, AK, secret or "unused"
    )
    signed_headers = auth.split("SignedHeaders=", 1)[1].split(",Signature=", 1)[0]
    expected = OrderedDict(
        canonicalRequest=_captured["canonical"],
        stringToSign=_captured["sts"],
        signedHeaders=signed_headers,
    )
    if secret:
        sig = auth.rsplit("Signature=", 1)[1]
        if want_signature is not None:
            assert sig == want_signature, (name, sig, want_signature)
        expected["signature"] = sig
        expected["authorization"] = auth
        sent["Authorization"] = auth
    expected["headers"] = sent
    # Query re-encoded with openapi-util get_encode_param (quote, safe='~').
    qs = "&".join(f"{quote(k, safe='~')}={quote(v, safe='~')}" for k, v in query.items())
    expected["url"] = f"{scheme}://{netloc}{path}" + (f"?{qs}" if qs else "")
    expected["body"] = body
    return OrderedDict(
        name=name,
        source=source,
        input=input_block(method, url, headers, body, nonce, secret, token, timestamp),
        expected=expected,
    )


# --- the real SDK flows (HTTP stubbed, clock and nonce frozen) --------------

import requests  # noqa: E402
from requests.models import Response  # noqa: E402
import aliyunsdkcore.vendored.requests as vendored_requests  # noqa: E402

_sent = []


def _fake_send(self, prepped, **_kw):
    _sent.append(prepped)
    r = Response()
    r.status_code = 200
    r._content = b'{"RequestId":"473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E","DiskId":"d-bp67acfmxazb4ph****"}'
    r.headers["Content-Type"] = "application/json"
    r.url = prepped.url
    r.request = prepped
    return r


requests.Session.send = _fake_send
vendored_requests.Session.send = _fake_send

# Seed 003's example values (ReplaceSystemDisk, Version 2014-05-26).
SEED = OrderedDict([
    ("InstanceId", "i-bp67acfmxazb4ph****"),
    ("ImageId", "m-bp67acfmxazb4ph****"),
    ("SystemDisk.Size", 80),
    ("Password", "EcsV587!"),
    ("ClientToken", "123e4567-e89b-12d3-a456-426655440000"),
])
REGION = "cn-hangzhou"
USER_AGENT = "AlibabaCloud (frozen-by-generator) Python/3"


def wire(prepped):
    body = prepped.body
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    return OrderedDict(method=prepped.method, url=prepped.url, headers=OrderedDict(prepped.headers), body=body or "")


def run_tea_ecs(signature_algorithm=None, fields=None):
    """alibabacloud-ecs20140526 ReplaceSystemDisk: ACS3 by default, RPC v1 with 'v2'.
    `fields`: the request model's fields instead of the seed example's."""
    from alibabacloud_tea_openapi.utils import Utils
    from alibabacloud_tea_openapi.utils_models import Config
    from alibabacloud_ecs20140526 import models
    from alibabacloud_ecs20140526.client import Client
    from darabonba.runtime import RuntimeOptions

    Utils.get_timestamp = staticmethod(lambda: TS)
    Utils.get_nonce = staticmethod(lambda: NONCE)
    # The default user agent names this machine's OS and Python: freeze it.
    Utils.get_user_agent = staticmethod(lambda _ua=None: USER_AGENT)
    cfg = Config(access_key_id=AK, access_key_secret=SK, region_id=REGION)
    if signature_algorithm:
        cfg.signature_algorithm = signature_algorithm
    client = Client(cfg)
    req = models.ReplaceSystemDiskRequest(**(fields or dict(
        instance_id=SEED["InstanceId"],
        image_id=SEED["ImageId"],
        system_disk=models.ReplaceSystemDiskRequestSystemDisk(size=SEED["SystemDisk.Size"]),
        password=SEED["Password"],
        client_token=SEED["ClientToken"],
    )))
    _sent.clear()
    client.replace_system_disk_with_options(req, RuntimeOptions())
    assert len(_sent) == 1
    return wire(_sent[0])


def run_sdkcore_ecs(token=None):
    """aliyun-python-sdk-ecs ReplaceSystemDiskRequest through aliyun-python-sdk-core
    (with an STS token: the StsTokenCredential signer)."""
    from aliyunsdkcore.client import AcsClient
    from aliyunsdkcore.auth.credentials import StsTokenCredential
    from aliyunsdkcore.utils import parameter_helper
    from aliyunsdkecs.request.v20140526.ReplaceSystemDiskRequest import ReplaceSystemDiskRequest

    parameter_helper.get_iso_8061_date = lambda: TS
    parameter_helper.get_uuid = lambda: NONCE
    AcsClient.user_agent_header = staticmethod(lambda: USER_AGENT)
    AcsClient.default_user_agent = staticmethod(lambda: {})
    if token:
        client = AcsClient(region_id=REGION, credential=StsTokenCredential(AK, SK, token))
    else:
        client = AcsClient(AK, SK, REGION)
    req = ReplaceSystemDiskRequest()
    req.set_InstanceId(SEED["InstanceId"])
    req.set_ImageId(SEED["ImageId"])
    req.set_SystemDiskSize(SEED["SystemDisk.Size"])
    req.set_Password(SEED["Password"])
    req.set_ClientToken(SEED["ClientToken"])
    _sent.clear()
    client.do_action_with_exception(req)
    assert len(_sent) == 1
    return wire(_sent[0]), req.string_to_sign


def strip_param(url, names):
    base, _, query = url.partition("?")
    kept = [p for p in query.split("&") if p.split("=", 1)[0] not in names]
    return base + "?" + "&".join(kept)


def query_value(url, name):
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))[name]


# --- the vectors ------------------------------------------------------------

DOC_V1_URL = (
    "http://ecs.aliyuncs.com/?Timestamp=2016-02-23T12%3A46%3A24Z&Format=XML&AccessKeyId=testid"
    "&Action=DescribeRegions&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
    "&Version=2014-05-26&SignatureVersion=1.0"
)


def rpc_vectors(sdkcore_wire, sdkcore_sts, tea_v1_wire):
    v = []
    # Alibaba's RPC signature document: DescribeRegions, AccessKeyId testid,
    # secret testsecret, documented signature OLeaidS1JvxuMvnyHOwuJ+uX5qY=.
    global AK
    saved_ak, AK = AK, "testid"
    v.append(rpc_vector(
        "doc-example-describe-regions", "Alibaba Cloud RPC signature document example, signed by aliyunsdkcore "
        "rpc_signature_composer and alibabacloud-openapi-util get_rpcsignature; matches the documented signature",
        "GET", DOC_V1_URL, secret="testsecret", want_signature="OLeaidS1JvxuMvnyHOwuJ+uX5qY="))
    AK = saved_ak

    # The reinstall request exactly as aliyun-python-sdk-ecs sends it: the input
    # is the SDK's URL without Signature, so every common parameter is given.
    v.append(rpc_vector(
        "reinstall-replace-system-disk-sdk-ecs",
        "aliyun-python-sdk-ecs ReplaceSystemDiskRequest via aliyun-python-sdk-core AcsClient (HTTP stubbed); "
        "URL, string-to-sign and Signature equal what the SDK sent",
        "POST", strip_param(sdkcore_wire["url"], {"Signature"}),
        want_url=sdkcore_wire["url"], want_sts=sdkcore_sts,
        want_signature=query_value(sdkcore_wire["url"], "Signature")))

    # The same request as alibabacloud-ecs20140526 signs it in v1 mode
    # (signature_algorithm='v2' -> tea-openapi do_rpcrequest).
    v.append(rpc_vector(
        "reinstall-replace-system-disk-tea-v1",
        "alibabacloud-ecs20140526 ReplaceSystemDisk with signature_algorithm='v2' (tea-openapi do_rpcrequest, "
        "HTTP stubbed); URL and Signature equal what the SDK sent",
        "POST", strip_param(tea_v1_wire["url"], {"Signature"}), want_url=tea_v1_wire["url"],
        want_signature=query_value(tea_v1_wire["url"], "Signature")))

    # The scheme adds the common parameters to a bare request.
    base = ("https://ecs.cn-hangzhou.aliyuncs.com/?Action=ReplaceSystemDisk&Version=2014-05-26&Format=JSON"
            "&RegionId=cn-hangzhou&InstanceId=i-bp67acfmxazb4ph%2A%2A%2A%2A&ImageId=m-bp67acfmxazb4ph%2A%2A%2A%2A"
            "&SystemDisk.Size=80&Password=EcsV587%21&ClientToken=123e4567-e89b-12d3-a456-426655440000")
    v.append(rpc_vector("reinstall-common-params-added", "aliyunsdkcore rpc_signature_composer + openapi-util "
                        "get_rpcsignature; Timestamp, SignatureMethod, SignatureVersion, SignatureNonce, "
                        "AccessKeyId added by the scheme", "POST", base))
    v.append(rpc_vector("without-secret", "aliyunsdkcore rpc_signature_composer (string-to-sign only); "
                        "no secret: no Signature in the URL", "GET", base, secret=None))
    v.append(rpc_vector(
        "rfc3986-encoding", "aliyunsdkcore rpc_signature_composer + openapi-util get_rpcsignature: space %20, "
        "* %2A, ~ literal, + / = & % escaped",
        "GET", "https://ecs.aliyuncs.com/?Action=DescribeInstances&Version=2014-05-26&Format=JSON"
        "&Description=a%20b%2Ac~d%2Be%2Ff%3Dg%26h%25i&Name=plus+means+space&Tilde=%7Eencoded"))
    v.append(rpc_vector(
        "repeated-and-unsorted-keys", "aliyunsdkcore rpc_signature_composer + openapi-util get_rpcsignature over "
        "the dict the URL gives (a repeated name keeps its first place and its last value); byte-order sort puts "
        "Key.10 before Key.2 and upper case before lower case",
        "GET", "https://ecs.aliyuncs.com/?Zeta=1&Action=DescribeInstances&alpha=lower&Key.10=ten&Key.2=two"
        "&Key.1=one&Version=2014-05-26&Zeta=2&Alpha=upper"))
    v.append(rpc_vector(
        "non-ascii-values", "aliyunsdkcore rpc_signature_composer + openapi-util get_rpcsignature: UTF-8 "
        "percent-encoded, then encoded again in the string-to-sign",
        "GET", "https://ecs.aliyuncs.com/?Action=ModifyInstanceAttribute&Version=2014-05-26&InstanceName="
        + quote("主机 ☃ é", safe="") + "&Description=" + quote("重装系统", safe="")))
    v.append(rpc_vector(
        "security-token", "aliyunsdkcore StsTokenSigner order (SecurityToken first) + rpc_signature_composer; "
        "openapi-util get_rpcsignature agrees",
        "GET", "https://ecs.aliyuncs.com/?Action=DescribeRegions&Version=2014-05-26&Format=JSON", token=TOKEN))
    v.append(rpc_vector(
        "post-form-body-signed", "aliyunsdkcore get_signed_url with body_params (form parameters signed with the "
        "query, form wins on a shared name, only the query goes in the URL); openapi-util agrees",
        "POST", "https://ecs.aliyuncs.com/?Action=ReplaceSystemDisk&Version=2014-05-26&Format=JSON&InstanceId=i-query",
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"},
        body="InstanceId=i-body&Password=Ab%2A1+x~%21&SystemDisk.Size=80"))
    v.append(rpc_vector(
        "post-json-body-not-signed", "aliyunsdkcore rpc_signature_composer: a non-form body is not signed by v1",
        "POST", "https://ecs.aliyuncs.com/?Action=ReplaceSystemDisk&Version=2014-05-26&Format=JSON",
        headers={"Content-Type": "application/json"}, body='{"InstanceId":"i-json","Name":"中文"}'))
    v.append(rpc_vector(
        "given-common-params-used-as-given", "aliyunsdkcore rpc_signature_composer with the URL's own Timestamp, "
        "SignatureNonce and AccessKeyId; a stale Signature is dropped before signing",
        "GET", "https://ecs.aliyuncs.com/?Action=DescribeRegions&Version=2014-05-26&Signature=stale"
        "&Timestamp=2030-01-02T03%3A04%3A05Z&SignatureNonce=given-nonce&AccessKeyId=" + AK, nonce=None))
    v.append(rpc_vector(
        "port-in-host-and-empty-values", "aliyunsdkcore rpc_signature_composer + openapi-util get_rpcsignature: "
        "the port stays in the URL (not signed); `Tag` and `Password=` both sign as an empty value",
        "GET", "https://ecs.cn-hangzhou.aliyuncs.com:8443/?Action=DescribeTags&Version=2014-05-26&Tag&Password="))
    v.append(rpc_vector(
        "lowercase-method-signed-verbatim", "aliyunsdkcore rpc_signature_composer: the method goes into the "
        "string-to-sign exactly as given", "Post",
        "https://ecs.aliyuncs.com/?Action=DescribeRegions&Version=2014-05-26"))
    return v


def acs3_vectors(tea_wire):
    v = []
    doc_q = "https://ecs.cn-shanghai.aliyuncs.com/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai"
    doc_h = OrderedDict([("x-acs-action", "RunInstances"), ("x-acs-version", "2014-05-26")])
    global AK
    saved_ak, AK = AK, "YourAccessKeyId"
    v.append(acs3_vector(
        "doc-example-v3-signature", "Alibaba Cloud 'V3 request body & signature' document example, signed by "
        "alibabacloud-openapi-util get_authorization; matches the documented signature",
        "POST", doc_q, doc_h, secret="YourAccessKeySecret", nonce="3156853299f313e23d1673dc12e1703d",
        timestamp="2023-10-26T10:22:32Z",
        want_signature="06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"))
    v.append(acs3_vector(
        "doc-example-v3-roa-page", "Alibaba Cloud 'ROA request body & signature' document example header, signed by "
        "alibabacloud-openapi-util get_authorization; matches the documented signature",
        "POST", doc_q, doc_h, secret="YourAccessKeySecret", nonce="d410180a5abf7fe235dd9b74aca91fc0",
        timestamp="2023-10-26T09:01:01Z",
        want_signature="e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804"))
    AK = saved_ak

    # The reinstall request as alibabacloud-ecs20140526 sends it: same URL,
    # caller headers and added headers; signed over host + x-acs-* only.
    caller = OrderedDict(
        (k, val) for k, val in tea_wire["headers"].items()
        if k.lower() not in {"host", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256",
                             "authorization", "content-length"}
    )
    vec = acs3_vector(
        "reinstall-replace-system-disk-ecs20140526",
        "alibabacloud-ecs20140526 ReplaceSystemDisk request (HTTP stubbed) signed by alibabacloud-openapi-util "
        "get_authorization over host, content-type and x-acs-* (the SDK itself also signs accept and user-agent: "
        "see requests/aliyun.json)",
        "POST", tea_wire["url"], caller)
    assert vec["expected"]["url"] == tea_wire["url"]
    for k in ("host", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"):
        assert vec["expected"]["headers"][k] == tea_wire["headers"][k], k
    v.append(vec)

    rh = OrderedDict([("x-acs-action", "DescribeRegions"), ("x-acs-version", "2014-05-26")])
    v.append(acs3_vector(
        "security-token", "alibabacloud-openapi-util get_authorization; x-acs-accesskey-id and "
        "x-acs-security-token added as tea-openapi do_request does",
        "POST", "https://ecs.cn-hangzhou.aliyuncs.com/?RegionId=cn-hangzhou", rh, token=TOKEN))
    v.append(acs3_vector(
        "security-token-over-caller-headers", "alibabacloud-openapi-util get_authorization; tea-openapi "
        "do_request assigns x-acs-accesskey-id and x-acs-security-token over the caller's stale values",
        "POST", "https://ecs.cn-hangzhou.aliyuncs.com/?RegionId=cn-hangzhou",
        OrderedDict([("x-acs-security-token", "stale-token"), ("x-acs-accesskey-id", "OLDKEY")] + list(rh.items())),
        token=TOKEN))
    v.append(acs3_vector(
        "json-body-non-ascii", "alibabacloud-openapi-util get_authorization: content-type signed, body hashed as "
        "UTF-8 bytes",
        "POST", "https://example.cn-hangzhou.aliyuncs.com/",
        OrderedDict([("x-acs-action", "CreateThing"), ("x-acs-version", "2023-01-01"),
                     ("Content-Type", "application/json; charset=utf-8")]),
        body='{"Name":"重装 ☃","Tags":[{"Key":"env","Value":"é"}]}'))
    v.append(acs3_vector(
        "form-body", "alibabacloud-openapi-util get_authorization: a form body is hashed, not put in the "
        "canonical query",
        "POST", "https://ecs.cn-hangzhou.aliyuncs.com/?RegionId=cn-hangzhou",
        OrderedDict([("x-acs-action", "ReplaceSystemDisk"), ("x-acs-version", "2014-05-26"),
                     ("content-type", "application/x-www-form-urlencoded")]),
        body="InstanceId=i-bp1&Password=Ab%2A1%20x"))
    v.append(acs3_vector(
        "rfc3986-query", "alibabacloud-openapi-util get_authorization (quote, safe='~'): space %20, * %2A, "
        "~ literal, + / = & escaped",
        "GET", "https://ecs.aliyuncs.com/?Description=a%20b%2Ac~d%2Be%2Ff%3Dg%26h&Name=plus+is+space&Tilde=%7E",
        rh))
    v.append(acs3_vector(
        "repeated-and-unsorted-keys", "alibabacloud-openapi-util get_authorization over the dict the URL gives "
        "(repeated name: first place, last value); byte-order sort",
        "GET", "https://ecs.aliyuncs.com/?Zeta=1&alpha=lower&Key.10=ten&Key.2=two&Key.1=one&Zeta=2&Alpha=upper",
        rh))
    v.append(acs3_vector(
        "non-ascii-query", "alibabacloud-openapi-util get_authorization: UTF-8 percent-encoding",
        "GET", "https://ecs.aliyuncs.com/?InstanceName=" + quote("主机 ☃", safe="") + "&RegionId=cn-hangzhou", rh))
    v.append(acs3_vector(
        "header-whitespace-and-case", "alibabacloud-openapi-util get_authorization: names lower-cased, values "
        "stripped (inner spaces kept), two spellings of one name joined sorted with ','; accept and user-agent "
        "are sent but not signed",
        "GET", "https://ecs.aliyuncs.com/?RegionId=cn-hangzhou",
        OrderedDict([("X-Acs-Action", "  DescribeRegions\t"), ("x-acs-version", "2014-05-26"),
                     ("X-Acs-Tag", "zeta  two"), ("x-acs-tag", " alpha "), ("Accept", "application/json"),
                     ("User-Agent", "reinstall-kit-test")])))
    v.append(acs3_vector(
        "empty-query-empty-body", "alibabacloud-openapi-util get_authorization: empty canonical query line, "
        "SHA-256 of the empty body",
        "GET", "https://ecs.aliyuncs.com/", rh))
    v.append(acs3_vector(
        "port-in-host", "alibabacloud-openapi-util get_authorization: a non-default port stays in host",
        "GET", "https://ecs.internal.example:8443/?RegionId=cn-hangzhou", rh))
    v.append(acs3_vector(
        "default-port-dropped", "alibabacloud-openapi-util get_authorization: :443 on https is not part of host",
        "GET", "https://ecs.aliyuncs.com:443/?RegionId=cn-hangzhou", rh))
    v.append(acs3_vector(
        "without-secret", "alibabacloud-openapi-util get_authorization (canonical request and string-to-sign "
        "only)", "POST", "https://ecs.cn-hangzhou.aliyuncs.com/?RegionId=cn-hangzhou", rh, secret=None))
    v.append(acs3_vector(
        "given-headers-used-as-given", "alibabacloud-openapi-util get_authorization with the caller's own host, "
        "x-acs-date and x-acs-signature-nonce",
        "GET", "https://10.0.0.1/?RegionId=cn-hangzhou",
        OrderedDict([("Host", "ecs.cn-hangzhou.aliyuncs.com"), ("x-acs-date", "2030-01-02T03:04:05Z"),
                     ("x-acs-signature-nonce", "given-nonce")] + list(rh.items())), nonce=None))
    v.append(acs3_vector(
        "roa-path", "alibabacloud-openapi-util get_authorization: the path is signed as given",
        "GET", "https://cs.cn-hangzhou.aliyuncs.com/clusters/c-1%20a/nodes?pageSize=10&pageNumber=1",
        OrderedDict([("x-acs-version", "2015-12-15")])))
    return v


def dump(path, doc):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print("wrote", os.path.relpath(path, os.getcwd()), file=sys.stderr)


def main():
    tea_acs3 = run_tea_ecs()
    tea_v1 = run_tea_ecs("v2")
    sdkcore_wire, sdkcore_sts = run_sdkcore_ecs()

    rpc = rpc_vectors(sdkcore_wire, sdkcore_sts, tea_v1)
    acs3 = acs3_vectors(tea_acs3)
    dump(os.path.join(VECTORS, "aliyun-rpc-v1.json"), OrderedDict(
        scheme="aliyun-rpc-v1",
        generator=f"{pkg('aliyun-python-sdk-core')} + {pkg('alibabacloud-openapi-util')}",
        vectors=rpc))
    dump(os.path.join(VECTORS, "aliyun-acs3.json"), OrderedDict(
        scheme="aliyun-acs3", generator=pkg("alibabacloud-openapi-util"), vectors=acs3))

    params = OrderedDict((k, v) for k, v in SEED.items())
    context = OrderedDict(region=REGION, accessKeyId=AK, secretAccessKey=SK, timestamp=TS, nonce=NONCE)
    acs3_auth = tea_acs3["headers"]["Authorization"]
    # Re-sign the SDK's own header set (every header, as Python get_authorization
    # does) to record the SDK's canonical strings; its signature must match.
    _captured.clear()
    h = OrderedDict((k, v) for k, v in tea_acs3["headers"].items() if k not in {"Authorization", "Content-Length"})
    scheme, netloc, path, pairs = parse_url(tea_acs3["url"])
    assert OpenApiUtil.get_authorization(_Req("POST", path, dict(pairs), h), "ACS3-HMAC-SHA256",
                                         h["x-acs-content-sha256"], AK, SK) == acs3_auth
    sdk_canonical, sdk_sts = _captured["canonical"], _captured["sts"]
    rpc_url = sdkcore_wire["url"]
    aliyun = OrderedDict(
        provider="aliyun",
        acs3=OrderedDict(
            provider="aliyun",
            generator=f"{pkg('alibabacloud-ecs20140526')} ({pkg('alibabacloud-tea-openapi')}, "
                      f"{pkg('alibabacloud-openapi-util')})",
            note="Default ACS3-HMAC-SHA256. Every parameter in the query of a POST, empty body, no RegionId "
                 "(ReplaceSystemDisk has none). The Python SDK signs every header it sends, accept and user-agent "
                 "included (user-agent frozen here; the real one names the OS and Python version); reinstall-kit "
                 "signs host, content-type and x-acs-* only: vector reinstall-replace-system-disk-ecs20140526 in "
                 "aliyun-acs3.json. Content-Length is added by the HTTP library.",
            input=OrderedDict(params=params, context=context),
            request=tea_acs3,
            signing=OrderedDict(
                canonicalRequest=sdk_canonical,
                stringToSign=sdk_sts,
                signedHeaders=acs3_auth.split("SignedHeaders=", 1)[1].split(",Signature=", 1)[0],
                signature=acs3_auth.rsplit("Signature=", 1)[1],
                authorization=acs3_auth,
            ),
        ),
        rpcV1=OrderedDict(
            provider="aliyun",
            generator=f"{pkg('aliyun-python-sdk-ecs')} ({pkg('aliyun-python-sdk-core')})",
            note="RPC signature v1 (HMAC-SHA1). POST with every parameter in the URL and an empty body; the SDK "
                 "adds RegionId (from the client), Format=JSON and an empty SignatureType, and uses http:// unless "
                 "the request's protocol is set to https. User-Agent frozen here.",
            input=OrderedDict(params=params, context=context),
            request=sdkcore_wire,
            signing=OrderedDict(
                canonicalRequest=rpc[1]["expected"]["canonicalRequest"],
                stringToSign=sdkcore_sts,
                signedHeaders=None,
                signature=query_value(rpc_url, "Signature"),
                authorization=None,
            ),
        ),
    )
    os.makedirs(os.path.join(VECTORS, "requests"), exist_ok=True)
    dump(os.path.join(VECTORS, "requests", "aliyun.json"), aliyun)
    dump(os.path.join(VECTORS, "requests", "aliyun-acs3-order.json"), acs3_order())
    token_wire, _ = run_sdkcore_ecs(TOKEN)
    dump(os.path.join(VECTORS, "requests", "aliyun-rpc-token.json"), OrderedDict(
        provider="aliyun",
        generator=f"{pkg('aliyun-python-sdk-ecs')} ({pkg('aliyun-python-sdk-core')})",
        note="RPC v1 with an STS token: the SDK puts SecurityToken among the request's parameters, before "
             "Version, Action, Format and RegionId. It also sends an empty SignatureType, and http://.",
        input=OrderedDict(params=params, context=OrderedDict(region=REGION, accessKeyId=AK, secretAccessKey=SK,
                                                             securityToken=TOKEN, timestamp=TS, nonce=NONCE,
                                                             scheme="aliyun-rpc-v1")),
        request=OrderedDict(method=token_wire["method"], url=token_wire["url"]),
    ))


def acs3_order():
    """The query order of the ACS3 request: the SDK fills it by name, with the
    SystemDisk struct last (replace_system_disk_with_options)."""
    from alibabacloud_ecs20140526 import models
    params = OrderedDict([
        ("UseAdditionalService", "true"), ("SystemDisk.Size", 80), ("SecurityEnhancementStrategy", "Active"),
        ("KeyPairName", "kp-1"), ("InstanceId", SEED["InstanceId"]), ("ImageId", SEED["ImageId"]),
        ("ClientToken", SEED["ClientToken"]),
    ])
    wire_ = run_tea_ecs(fields=dict(
        # A string, not a bool: the SDK would write Python's True (reinstall-kit writes true).
        use_additional_service="true",
        system_disk=models.ReplaceSystemDiskRequestSystemDisk(size=80),
        security_enhancement_strategy="Active", key_pair_name="kp-1",
        instance_id=SEED["InstanceId"], image_id=SEED["ImageId"], client_token=SEED["ClientToken"],
    ))
    return OrderedDict(
        provider="aliyun",
        generator=f"{pkg('alibabacloud-ecs20140526')} ({pkg('alibabacloud-tea-openapi')})",
        note="ACS3 request URL: parameters in the SDK's order, whatever order the caller gave them in.",
        input=OrderedDict(params=params, context=OrderedDict(region=REGION, accessKeyId=AK, secretAccessKey=SK,
                                                             timestamp=TS, nonce=NONCE)),
        request=OrderedDict(method=wire_["method"], url=wire_["url"]),
    )


if __name__ == "__main__":
    main()
