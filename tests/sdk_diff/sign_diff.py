#!/usr/bin/env python3
"""Differential test of signRequest: random requests signed by reinstall-kit
(through examples/sdk_diff_driver.rs) and by the official Python signers,
called through the vector generators in tests/vectors/gen/.

    python tests/sdk_diff/sign_diff.py SCHEME N SEED [--driver PATH] [--case I]

huawei-sdk-hmac-sha256 and aws-sigv4 need the venv of requirements-huawei-sigv4.txt,
aliyun-rpc-v1, aliyun-acs3 and volc-hmac-sha256 the one of requirements-aliyun-volc.txt.
See README.md for the classes of differences.
"""

import sys

sys.dont_write_bytecode = True  # no __pycache__ in the repository

from collections import OrderedDict  # noqa: E402
from urllib.parse import unquote, unquote_plus  # noqa: E402

import common as C  # noqa: E402

FIELDS = ["canonicalRequest", "stringToSign", "signedHeaders", "credentialScope", "signature", "authorization",
          "headers", "url", "body"]
# Malformed escapes and raw non-ASCII in the URL, for the schemes that read them as their SDK does.
WILD = 0.3

# Deliberate differences: reported, not failures.
KNOWN = {
    "volc: query sorted by raw name": "reinstall-kit sorts the raw query names (as the `volcengine` SDK), "
                                      "volcengine-python-sdk the encoded ones",
}


def sorted_headers(headers):
    # serde_json (without preserve_order) hands the library the headers sorted by name.
    return OrderedDict((k, headers[k]) for k in sorted(headers))


def form_pairs(query):
    """The query as the library reads it: '&'-separated, empty pieces skipped, '+' is a space."""
    pairs = []
    for piece in query.split("&"):
        if piece:
            k, _, v = piece.partition("=")
            pairs.append((unquote_plus(k), unquote_plus(v)))
    return pairs


# ---------------------------------------------------------------- huawei-sdk-hmac-sha256

def huawei_case(rng):
    import gen_huawei as G
    path = C.url_path(rng)
    query = C.encode_query(rng, C.query_pairs(rng))
    if rng.random() < WILD:
        query = C.wild_query(rng, query)
        path = C.wild_path(rng, path) if rng.random() < 0.5 else path
    url = C.url_origin(rng) + path + ("?" + query if query or rng.random() < 0.1 else "")
    headers = {}
    for _ in range(rng.randint(0, 6)):
        headers[C.header_name(rng, extra=("Content-Type", "content-type", "Host", "X-Security-Token"))] = \
            C.header_value(rng)
    c = rng.random()
    if c < 0.5:  # the exact key Content-Type decides UNSIGNED-PAYLOAD
        headers["Content-Type"] = rng.choice([
            "application/json", "application/json;charset=utf-8", "application/json;charset=UTF-8",
            "application/bson", "text/plain", "application/x-www-form-urlencoded", "", " application/json",
            "Application/JSON", "application/jsonx", "multipart/form-data"])
    elif c < 0.6:
        headers["content-type"] = rng.choice(["text/plain", "application/json"])
    if rng.random() < 0.1:
        headers[rng.choice(["X-Sdk-Date", "x-sdk-date"])] = C.basic_time(C.timestamp(rng)[1])
    if rng.random() < 0.05:
        headers[rng.choice(["Host", "host"])] = rng.choice(["ecs.internal.example.com", "H.example.com:443", " x.y "])
    if rng.random() < 0.05:
        headers[rng.choice(["X-Sdk-Content-Sha256", "x-sdk-content-sha256"])] = rng.choice(
            ["UNSIGNED-PAYLOAD", "abc", "", " UNSIGNED-PAYLOAD\t", "0" * 64])
    # No Authorization header: the SDK would then not sign at all, the library
    # replaces it (a documented deviation).
    method, body = C.method(rng), C.body(rng)
    ours_ts, ts = C.timestamp(rng)
    token = rng.choice([None, None, None, "tok+/=~*", G.TOKEN, "中文token"])
    secret = rng.choice([G.SK, G.SK, G.SK, None, "s€cret"])
    ak = rng.choice([G.AK, "AK€"])
    sign_input = {"scheme": "huawei-sdk-hmac-sha256", "method": method, "url": url, "headers": headers,
                  "body": body, "timestamp": ours_ts, "accessKeyId": ak, "secretAccessKey": secret,
                  "securityToken": token}
    sdk = G.sign_generic("diff", "diff", method, url, dict(headers), body, ts=ts, secret=secret, token=token,
                         ak=ak)["expected"]
    return sign_input, sdk


# ---------------------------------------------------------------- aws-sigv4 (kscore)

def sigv4_case(rng):
    import gen_sigv4 as G
    path = C.url_path(rng, dots=True)
    pairs = C.query_pairs(rng)
    query = C.encode_query(rng, pairs)
    if rng.random() < WILD:
        path = C.wild_path(rng, path) if rng.random() < 0.5 else path
        query = C.wild_query(rng, query)
        pairs = form_pairs(query)
    base = C.url_origin(rng) + path
    url = base + ("?" + query if query or rng.random() < 0.1 else "")
    # kscore signs the URL's query as written; a kscore client writes it from its
    # params with percent_encode_sequence. The library re-encodes the decoded
    # pairs the same way, so the SDK gets the URL a client would have made.
    sdk_query = G.percent_encode_sequence(pairs)
    sdk_url = base + ("?" + sdk_query if sdk_query else "")
    headers = {}
    for _ in range(rng.randint(0, 6)):
        headers[C.header_name(rng, extra=("Content-Type", "X-Amz-Meta", "x-amz-meta", "Date"))] = C.header_value(rng)
    ours_ts, ts = C.timestamp(rng)
    clock = ts
    if rng.random() < 0.1:  # a given X-Amz-Date is the signing time (kscore would use its clock)
        clock = C.timestamp(rng)[1]
        headers[rng.choice(["X-Amz-Date", "x-amz-date"])] = C.basic_time(clock)
    if rng.random() < 0.05:
        headers[rng.choice(["Date", "date"])] = "Thu, 01 Jan 1970 00:00:00 GMT"
    if rng.random() < 0.05:
        headers[rng.choice(["X-Amz-Content-SHA256", "x-amz-content-sha256"])] = rng.choice(
            ["UNSIGNED-PAYLOAD", " padded ", "abc"])
    if rng.random() < 0.05:
        headers[rng.choice(["X-Amz-Security-Token", "x-amz-security-token"])] = "stale"
    if rng.random() < 0.05:
        headers[rng.choice(["Host", "host"])] = rng.choice(["kec.api.ksyun.com", "KEC.api.ksyun.com:443", " x.y "])
    if rng.random() < 0.05:
        headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=old"
    method, body = C.method(rng), C.body(rng)
    token = rng.choice([None, None, None, G.TOKEN, "tok€n"])
    secret = rng.choice([G.SK, G.SK, G.SK, None, "s€cret"])
    region = rng.choice(["cn-beijing-6", "cn-shanghai-2", "us-east-1", "région"])
    service = rng.choice(["kec", "kir", "service"])
    sign_input = {"scheme": "aws-sigv4", "method": method, "url": url, "headers": headers, "body": body,
                  "timestamp": ours_ts, "accessKeyId": G.AK, "secretAccessKey": secret, "securityToken": token,
                  "region": region, "service": service}
    sdk = G.sign_generic("diff", method, sdk_url, headers, body, ts=ts, secret=secret, token=token,
                         region=region, service=service, clock=clock)["expected"]
    return sign_input, sdk


# ---------------------------------------------------------------- aliyun-rpc-v1

def rpc_case(rng):
    import gen_aliyun as G
    pairs = C.query_pairs(rng)
    if rng.random() < 0.5:
        pairs = [("Action", rng.choice(["DescribeRegions", "ReplaceSystemDisk"])), ("Version", "2014-05-26"),
                 ("Format", "JSON")] + pairs
    if rng.random() < 0.1:  # a common parameter the caller already gives
        pairs.append((rng.choice(["Timestamp", "SignatureNonce", "AccessKeyId", "SignatureMethod", "Signature",
                                  "SignatureVersion", "SecurityToken"]), C.query_value(rng) or "x"))
    query = C.encode_query(rng, pairs)
    if rng.random() < WILD:
        query = C.wild_query(rng, query)
    url = C.url_origin(rng) + (C.url_path(rng) or "/") + "?" + query
    method, body = C.method(rng), C.body(rng)
    headers = {}
    for _ in range(rng.randint(0, 3)):
        headers[C.header_name(rng)] = C.header_value(rng)
    if rng.random() < 0.3:  # a form body is signed with the query
        headers[rng.choice(["Content-Type", "content-type"])] = rng.choice([
            "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8",
            " Application/X-WWW-Form-Urlencoded ;charset=utf-8", "application/json", "text/plain"])
        if rng.random() < 0.7:
            body = C.encode_query(rng, C.query_pairs(rng))
    ours_ts, ts = C.timestamp(rng)
    token = rng.choice([None, None, None, G.TOKEN, "tok€n with space"])
    secret = rng.choice([G.SK, G.SK, G.SK, None, "s€cret"])
    nonce = rng.choice([G.NONCE, "n-" + C.text(rng, 0, 8), "nonce with space+*~"])
    sign_input = {"scheme": "aliyun-rpc-v1", "method": method, "url": url, "headers": headers, "body": body,
                  "timestamp": ours_ts, "nonce": nonce, "accessKeyId": G.AK, "secretAccessKey": secret,
                  "securityToken": token}
    sdk = G.rpc_vector("diff", "diff", method, url, headers=sorted_headers(headers), body=body, secret=secret,
                       token=token, nonce=nonce, timestamp=ts)["expected"]
    return sign_input, sdk


# ---------------------------------------------------------------- aliyun-acs3

def acs3_query_name(rng):
    # Only unreserved names: the library encodes query names in the canonical
    # query (the V3 document), the SDK does not (documented; no API name needs it).
    if rng.random() < 0.5:
        return rng.choice(["RegionId", "InstanceId", "ImageId", "Password", "SystemDisk.Size", "Tag.1.Key",
                           "pageSize", "pageNumber", "Zeta", "alpha", "Alpha", "a_b", "a-b", "a~b", "Key.10",
                           "Key.2"])
    return C.text(rng, 1, 8) + rng.choice(["", ".", "-", "_", "~", ".1"])


def acs3_case(rng):
    import gen_aliyun as G
    pairs = [(acs3_query_name(rng), C.query_value(rng)) for _ in range(rng.randint(0, 10))]
    if pairs and rng.random() < 0.15:
        pairs.append((rng.choice(pairs)[0], C.query_value(rng)))
    query = C.encode_query(rng, pairs)
    url = C.url_origin(rng) + (C.url_path(rng) or "/") + ("?" + query if query else "")
    headers = {}
    if rng.random() < 0.9:
        headers["x-acs-action"] = rng.choice(["ReplaceSystemDisk", "DescribeRegions", "RunInstances"])
        headers["x-acs-version"] = "2014-05-26"
    for _ in range(rng.randint(0, 5)):
        name = C.header_name(rng, extra=("X-Acs-Tag", "x-acs-tag", "X-ACS-TAG", "Content-Type", "content-type",
                                         "x-acs-custom", "X-Acs-Action"))
        if rng.random() < 0.3:
            name = rng.choice(["x-acs-", "X-Acs-", "X-ACS-"]) + C.text(rng, 1, 6)
        headers[name] = C.header_value(rng)
    for name, value in (("host", rng.choice(["ecs.cn-hangzhou.aliyuncs.com", " h:443 "])),
                        ("x-acs-date", "2030-01-02T03:04:05Z"), ("x-acs-signature-nonce", "given-nonce"),
                        ("x-acs-content-sha256", "UNSIGNED-PAYLOAD"), ("Authorization", "stale")):
        if rng.random() < 0.05:
            headers[name] = value
    for k, v in headers.items():
        # Python's strip() also drops Unicode white space, which the library keeps
        # (it is not HTTP optional white space; documented): none at the ends here.
        if v.strip(" \t") != v.strip():
            headers[k] = v.strip()
    method, body = C.method(rng), C.body(rng)
    ours_ts, ts = C.timestamp(rng)
    token = rng.choice([None, None, None, G.TOKEN, "tok€n"])
    secret = rng.choice([G.SK, G.SK, G.SK, None, "s€cret"])
    nonce = rng.choice([G.NONCE, "n-" + C.text(rng, 0, 8), "nonce with space"])
    sign_input = {"scheme": "aliyun-acs3", "method": method, "url": url, "headers": headers, "body": body,
                  "timestamp": ours_ts, "nonce": nonce, "accessKeyId": G.AK, "secretAccessKey": secret,
                  "securityToken": token}
    sdk = G.acs3_vector("diff", "diff", method, url, sorted_headers(headers), body=body, secret=secret,
                        token=token, nonce=nonce, timestamp=ts)["expected"]
    return sign_input, sdk


# ---------------------------------------------------------------- volc-hmac-sha256

def volc_header_name(rng):
    # The SDKs pick Content-Type, Content-Md5, Host and X-* case-sensitively, the
    # library case-insensitively (documented): only those spellings here.
    while True:
        name = C.header_name(rng, extra=("Content-Type", "Content-Md5"))
        low = name.lower()
        if low in ("x-date", "x-content-sha256", "x-security-token", "authorization"):
            continue  # set below, on purpose
        if low in ("content-type", "content-md5", "host"):
            return {"content-type": "Content-Type", "content-md5": "Content-Md5", "host": "Host"}[low]
        return "X-" + name[2:] if low.startswith("x-") else name


def volc_case(rng):
    import gen_volc as G
    pairs = C.query_pairs(rng)
    if rng.random() < 0.5:
        pairs = [("Action", "ReplaceSystemVolume"), ("Version", "2020-04-01")] + pairs
    names = [k for k, _ in pairs]
    # volcengine-python-sdk collapses a repeated name; the library keeps every
    # pair, as the older `volcengine` SDK does: that one signs those cases.
    signer = "old" if len(set(names)) != len(names) else "new"
    if signer == "old":
        # `volcengine` quotes the path itself: a path quote() leaves as it is.
        path = "/" + "/".join(rng.choice(["a", "v1", "x-y", "p.q", "~t", "s_t"]) for _ in range(rng.randint(0, 3)))
    else:
        path = C.url_path(rng) or "/"
    query = C.encode_query(rng, pairs)
    url = C.url_origin(rng) + path + ("?" + query if query else "")
    headers = {}
    for _ in range(rng.randint(0, 5)):
        headers[volc_header_name(rng)] = C.header_value(rng)
    if rng.random() < 0.3:
        headers["Content-Type"] = rng.choice(["application/json", "text/plain", "application/x-www-form-urlencoded"])
    if rng.random() < 0.05:
        headers["Host"] = rng.choice(["open.volcengineapi.com:443", "open.volcengineapi.com:80", "h.example:8443",
                                      "open.volcengineapi.com"])
    x_date = None
    if rng.random() < 0.05:
        x_date = C.basic_time(C.timestamp(rng)[1])
        headers["X-Date"] = x_date
    method, body = C.method(rng), C.body(rng)
    ours_ts, ts = C.timestamp(rng)
    token = rng.choice([None, None, None, G.TOKEN, "tok€n"])
    secret = rng.choice([G.SK, G.SK, G.SK, None, "s€cret"])
    region = rng.choice(["cn-beijing", "cn-shanghai", "ap-southeast-1", "régión"])
    service = rng.choice(["ecs", "iam", "vpc"])
    sign_input = {"scheme": "volc-hmac-sha256", "method": method, "url": url, "headers": headers, "body": body,
                  "timestamp": ours_ts, "accessKeyId": G.AK, "secretAccessKey": secret, "securityToken": token,
                  "region": region, "service": service}
    sdk = G.vector("diff", "diff", method, url, headers=sorted_headers(headers), body=body, secret=secret,
                   token=token, timestamp=ts, region=region, service=service, signer=signer,
                   x_date=x_date)["expected"]
    return sign_input, sdk


def volc_sorted_raw(ours, sdk, diff):
    """True when only the order of the canonical query differs: ours sorted by raw
    (decoded) name, the SDK's by encoded name. The orders part where a name holds
    a character that is percent-encoded yet sorts above an unreserved one raw
    (non-ASCII, [\\]^`{|}, and also / : ; < = > ? @, since '%' sorts below them all)."""
    if not set(diff) <= {"canonicalRequest", "stringToSign", "signature", "authorization", "headers"}:
        return False
    unsigned = lambda h: {k: v for k, v in h.items() if k != "Authorization"}  # noqa: E731
    if "headers" in diff and unsigned(ours["headers"]) != unsigned(sdk["headers"]):
        return False
    a, b = ours["canonicalRequest"].split("\n"), sdk["canonicalRequest"].split("\n")
    if len(a) != len(b) or a[:2] + a[3:] != b[:2] + b[3:]:
        return False
    ours_pairs = [tuple(p.split("=", 1)) for p in a[2].split("&")]
    sdk_pairs = [tuple(p.split("=", 1)) for p in b[2].split("&")]
    raw_names = [unquote(name) for name, _ in ours_pairs]
    return sorted(ours_pairs) == sorted(sdk_pairs) and raw_names == sorted(raw_names) \
        and sdk_pairs == sorted(sdk_pairs)


# ---------------------------------------------------------------- compare and classify

CASES = {
    "huawei-sdk-hmac-sha256": huawei_case,
    "aws-sigv4": sigv4_case,
    "aliyun-rpc-v1": rpc_case,
    "aliyun-acs3": acs3_case,
    "volc-hmac-sha256": volc_case,
}


def classify(scheme, answer, sdk):
    """(class, diff) of one answer against the SDK's result."""
    failed = C.failure_class(answer)
    if failed:
        return failed, answer
    ours = answer["value"]
    diff = C.field_diff(ours, sdk, FIELDS)
    if not diff:
        return "match", diff
    if scheme == "volc-hmac-sha256" and volc_sorted_raw(ours, sdk, diff):
        return "volc: query sorted by raw name", diff
    return "UNKNOWN: " + ",".join(sorted(diff)), diff


def main():
    args = C.parse_args("signRequest vs the official SDK signers", sorted(CASES))
    driver = C.Driver(args.driver)

    def one_case(rng):
        try:
            sign_input, sdk = CASES[args.kind](rng)
        except Exception:
            return C.sdk_refused()
        cls, diff = classify(args.kind, driver.sign(sign_input), sdk)
        return cls, {"input": sign_input, "diff": diff}

    status = C.run(args, "sign_diff " + args.kind, one_case, KNOWN)
    driver.close()
    sys.exit(status)


if __name__ == "__main__":
    main()
