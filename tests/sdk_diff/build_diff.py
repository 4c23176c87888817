#!/usr/bin/env python3
"""Differential test of buildRequest (validate + build + sign): random reinstall
parameters built by reinstall-kit (through examples/sdk_diff_driver.rs) and sent
by the official SDK clients, whose HTTP layer is stubbed to record the request.

    python tests/sdk_diff/build_diff.py PROVIDER N SEED [--driver PATH] [--case I]

huaweicloud, otc (huaweicloudsdkecs) and ksyun (ksc-sdk-python) need the venv of
requirements-huawei-sigv4.txt; aliyun (alibabacloud-ecs20140526 for ACS3,
aliyun-python-sdk-ecs for RPC v1, half the cases each) and volcengine
(volcengine-python-sdk) the one of requirements-aliyun-volc.txt.
See README.md for the classes of differences.
"""

import sys

sys.dont_write_bytecode = True  # no __pycache__ in the repository

import string  # noqa: E402
from collections import OrderedDict  # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

import common as C  # noqa: E402

TS = "2024-05-06T07:08:09Z"

# Deliberate differences: reported, not failures.
KNOWN = {
    "acs3: space sent as %20": "darabonba sends a space in the query as '+', reinstall-kit as %20 (what is signed)",
    "volcengine: space sent as %20": "urllib3 sends a space in the query as '+', reinstall-kit as %20 (what is signed)",
}


def lower_keys(headers):
    return {k.lower(): v for k, v in headers.items()}


def header_diff(ours, sdk, skip=()):
    """{"header:<name>": {"sdk": …, "ours": …}} over lower-cased names, `skip` left out."""
    a, b = lower_keys(ours), lower_keys(sdk)
    return {"header:" + k: {"sdk": b.get(k), "ours": a.get(k)}
            for k in sorted(set(a) | set(b)) if k not in skip and a.get(k) != b.get(k)}


def request_diff(ours, sdk, skip_headers=()):
    diff = C.field_diff(ours, sdk, ("method", "url", "body"))
    diff.update(header_diff(ours["headers"], sdk["headers"], skip_headers))
    return diff


def space_as_plus_only(diff):
    """True when the URLs differ only by a space written '+' (SDK) instead of %20 (ours).
    A literal '+' is %2B on both sides, so a '+' in the SDK's query is a space."""
    if set(diff) != {"url"}:
        return False
    ours, sdk = urlsplit(diff["url"]["ours"]), urlsplit(diff["url"]["sdk"])
    return ours[:3] == sdk[:3] and sdk.query.replace("+", "%20") == ours.query


# ---------------------------------------------------------------- huaweicloud, otc: huaweicloudsdkecs

HW_REGIONS = ["cn-north-4", "cn-east-3", "ap-southeast-1", "eu-west-101", "af-south-1", "cn-north-9",
              "la-south-2", "tr-west-1", "me-east-1", "ru-moscow-1"]
OTC_REGIONS = ["eu-de", "eu-nl", "eu-ch2"]
PATH_ALPHABET = string.ascii_letters + string.digits + "-_.~!$&'()*+,;=:@[]{}|^`\"<>"
# Body member names: the library's (the API's) -> the SDK model's keyword.
OPTION_KW = {"adminpass": "adminpass", "keyname": "keyname", "userid": "userid", "imageid": "imageid",
             "isAutoPay": "is_auto_pay", "mode": "mode"}
METADATA_KW = {"BYOL": "byol", "__system__encrypted": "system__encrypted", "__system__cmkid": "system__cmkid"}


def path_id(rng):
    if rng.random() < 0.5:
        return "".join(rng.choice(C.HEX) for _ in range(32))
    s = C.text(rng, 1, 24, PATH_ALPHABET)
    if s in (".", ".."):  # refused: HTTP clients resolve them away
        s += "x"
    return s + rng.choice(["é", "中", "😀", "ß", "Ω"]) if rng.random() < 0.3 else s


def huawei_params(rng, otc):
    """(library params, os-change members, metadata members), documented members only."""
    option, metadata = {}, {}
    if not otc and rng.random() < 0.5:  # OTC has no adminpass
        option["adminpass"] = C.password(rng, "!@$%^-_=+[{}]:,./?~#*", 8, 26)
        if rng.random() < 0.15:
            option["userid"] = C.text(rng, 1, 20, C.PRINTABLE, unicode=0.2)
    else:
        option["keyname"] = (C.text(rng, 1, 30, C.PRINTABLE, unicode=0.2) if rng.random() < 0.6
                             else "KeyPair-" + C.text(rng, 1, 6, string.ascii_lowercase + string.digits))
        if rng.random() < 0.6:
            option["userid"] = (C.text(rng, 1, 32, C.PRINTABLE, unicode=0.1) if rng.random() < 0.4
                                else "".join(rng.choice(C.HEX) for _ in range(32)))
    option["imageid"] = C.uuid_text(rng, mixed_case=rng.random() < 0.2)
    if otc:
        if rng.random() < 0.4:
            metadata["BYOL"] = rng.choice(["true", "false", "True", "yes", C.text(rng, 1, 8, C.PRINTABLE, 0.3)])
    else:
        if rng.random() < 0.3:
            option["isAutoPay"] = rng.choice(["true", "false"])
        if rng.random() < 0.3:
            metadata["BYOL"] = "true"
        if rng.random() < 0.35:
            metadata["__system__encrypted"] = rng.choice(["0", "1", "1"])
            if rng.random() < 0.6:
                metadata["__system__cmkid"] = (C.uuid_text(rng) if rng.random() < 0.5
                                               # 36 bytes (RULES H17): ASCII only
                                               else C.text(rng, 36, 36, C.PRINTABLE, unicode=0))
    if rng.random() < 0.3:
        option["mode"] = "withStopServer"
    body = C.shuffled(rng, option)
    if metadata:
        body["metadata"] = C.shuffled(rng, metadata)
    params = {"project_id": path_id(rng),
              "server_id": C.uuid_text(rng) if rng.random() < 0.6 else path_id(rng),
              "os-change": C.shuffled(rng, body)}
    if rng.random() < 0.25:
        params = C.flatten(params)  # "os-change.metadata.BYOL": …
    return C.shuffled(rng, params), option, metadata


def huawei_sdk(endpoint, project_id, server_id, option, metadata, token):
    import gen_huawei as G
    G.freeze(TS)
    config = G.HttpConfig.get_default_config()
    config.user_agent = ""  # only the SDK's fixed prefix, given to the library as userAgent
    creds = G.BasicCredentials(G.AK, G.SK, project_id)
    if token:
        creds.with_security_token(token)
    client = G.EcsClient.new_builder().with_http_config(config).with_credentials(creds) \
        .with_endpoints([endpoint]).build()
    adapter = G.RecordingAdapter()
    client.get_http_client()._session.mount("https://", adapter)
    kw = {OPTION_KW[k]: v for k, v in option.items()}
    if metadata:
        kw["metadata"] = G.ChangeSeversOsMetadataWithoutCloudInitOption(
            **{METADATA_KW[k]: v for k, v in metadata.items()})
    client.change_server_os_without_cloud_init(G.ChangeServerOsWithoutCloudInitRequest(
        server_id=server_id, body=G.ChangeServerOsWithoutCloudInitRequestBody(
            os_change=G.ChangeServerOsWithoutCloudInitOption(**kw))))
    p = adapter.prepared
    headers = G.wire_headers({k: v if isinstance(v, str) else v.decode("iso-8859-1") for k, v in p.headers.items()})
    for k in ("Accept", "Accept-Encoding", "Connection", "Content-Length"):
        headers.pop(k, None)  # added by `requests`, unsigned
    body = p.body.decode("utf-8") if isinstance(p.body, bytes) else (p.body or "")
    return {"method": p.method, "url": p.url, "headers": headers, "body": body}


def huawei_case(rng, driver, provider):
    import gen_huawei as G
    otc = provider == "otc"
    params, option, metadata = huawei_params(rng, otc)
    region = rng.choice(OTC_REGIONS if otc else HW_REGIONS)
    token = G.TOKEN if rng.random() < 0.25 else None
    context = {"region": region, "accessKeyId": G.AK, "secretAccessKey": G.SK, "securityToken": token,
               "timestamp": TS, "userAgent": "huaweicloud-usdk-python/3.0"}
    answer = driver.build(provider, params, context)
    try:
        if otc:
            # The Swiss region serves its APIs under sc.otc.t-systems.com.
            endpoint = ("https://ecs.eu-ch2.sc.otc.t-systems.com" if region == "eu-ch2"
                        else "https://ecs.%s.otc.t-systems.com" % region)
        else:
            from huaweicloudsdkecs.v2.region.ecs_region import EcsRegion
            endpoint = EcsRegion.value_of(region).endpoints[0]
        sdk = huawei_sdk(endpoint, params["project_id"], params["server_id"], option, metadata, token)
    except Exception:
        return C.sdk_refused()
    return classify(provider, params, context, answer, lambda ours: request_diff(ours, sdk))


# ---------------------------------------------------------------- ksyun: kscore

KS_REGIONS = ["cn-beijing-6", "cn-shanghai-2", "cn-guangzhou-1", "cn-hongkong-2", "ap-singapore-1", "eu-east-1",
              "cn-northwest-1"]


class _Captured(Exception):
    pass


def ksyun_sdk(region, params, token):
    import gen_sigv4 as G
    G.freeze(TS)
    client = G.get_session().create_client(G.SERVICE, region, ks_access_key_id=G.AK, ks_secret_access_key=G.SK,
                                           ks_session_token=token, config=G.Config(user_agent=G.USER_AGENT))
    sent = {}

    def send(request, **_kw):
        sent["request"] = request
        raise _Captured()

    client._endpoint.http_session.send = send
    try:
        client.modify_instance_image(**params)
    except _Captured:
        pass
    p = sent["request"]
    headers = {k: G.text(v) for k, v in p.headers.items() if k.lower() != "user-agent"}  # unsigned; we send none
    if not any(k.lower() == "host" for k in headers):
        headers["Host"] = G.netloc(p.url)  # kscore leaves Host to the HTTP library
    return {"method": p.method, "url": p.url, "headers": headers, "body": G.text(p.body) or ""}


def ksyun_case(rng, driver, _provider):
    import gen_sigv4 as G
    sdk_params = {"InstanceId": C.uuid_text(rng)}  # the API table's order, as kscore sends it
    if rng.random() < 0.7:
        sdk_params["ImageId"] = C.uuid_text(rng)
    if rng.random() < 0.4:
        sdk_params["SystemDisk.DiskSize"] = rng.choice([rng.randint(20, 500), rng.randint(1, 19),
                                                        rng.randint(501, 100000)])
    if rng.random() < 0.3:
        sdk_params["SystemDisk.DiskType"] = rng.choice(["SSD3.0", "EHDD", "ESSD_PL1", "Local_SSD",
                                                        C.text(rng, 1, 12, C.PRINTABLE, unicode=0.2)])
    if rng.random() < 0.3:
        sdk_params["SystemDisk.ResizeType"] = rng.choice(["offline", "online"])
    keep_login = rng.random() < 0.25
    if not keep_login or rng.random() < 0.75:
        pw = C.password(rng, string.punctuation + (" " if rng.random() < 0.2 else ""), 8, 31)
        sdk_params["InstancePassword"] = pw + (rng.choice(["é", "中", "😀", "\u00a0"]) if rng.random() < 0.15 else "")
    n_keys = rng.choice([0, 0, 1, 2, 3, 10])
    for i in range(1, n_keys + 1):  # the documented KeyId.N names (kscore would send a list as KeyId=…)
        sdk_params["KeyId.%d" % i] = C.uuid_text(rng) if rng.random() < 0.7 else C.text(rng, 1, 20, C.PRINTABLE, 0.2)
    if keep_login or rng.random() < 0.2:
        sdk_params["KeepImageLogin"] = "true" if keep_login else "false"
    if rng.random() < 0.3:
        sdk_params["UserData"] = C.base64_text(rng)
    # The library also takes a JSON list for KeyId, JSON booleans and numbers, the nested form.
    params = dict(sdk_params)
    if n_keys and rng.random() < 0.5:
        params["KeyId"] = [params.pop("KeyId.%d" % i) for i in range(1, n_keys + 1)]
    if "KeepImageLogin" in params and rng.random() < 0.5:
        params["KeepImageLogin"] = params["KeepImageLogin"] == "true"
    if "SystemDisk.DiskSize" in params and rng.random() < 0.3:
        params["SystemDisk"] = {"DiskSize": params.pop("SystemDisk.DiskSize")}
    params = C.shuffled(rng, params)
    sdk_params = {k: str(v) for k, v in sdk_params.items()}
    region = rng.choice(KS_REGIONS)
    token = G.TOKEN if rng.random() < 0.25 else None
    context = {"region": region, "accessKeyId": G.AK, "secretAccessKey": G.SK, "securityToken": token,
               "timestamp": TS}
    answer = driver.build("ksyun", params, context)
    try:
        sdk = ksyun_sdk(region, sdk_params, token)
    except Exception:
        return C.sdk_refused()
    return classify("ksyun", params, context, answer, lambda ours: request_diff(ours, sdk))


# ---------------------------------------------------------------- aliyun: ACS3 and RPC v1

ALIYUN_REGIONS = ["cn-hangzhou", "cn-beijing", "cn-shanghai", "cn-shenzhen", "ap-southeast-1", "us-west-1",
                  "eu-central-1", "cn-wuhan", "cn-zhangbei"]
ALIYUN_SPECIALS = "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/"
# The library's RPC parameter order (its table), which is also the order of the SDK setter calls here.
ALIYUN_ORDER = ["InstanceId", "ImageId", "SystemDisk.Size", "ClientToken", "UseAdditionalService", "Password",
                "PasswordInherit", "KeyPairName", "DiskId", "Platform", "Architecture",
                "SecurityEnhancementStrategy", "Encrypted", "KMSKeyId", "EncryptAlgorithm"]
ALIYUN_OWNER = ["OwnerId", "ResourceOwnerId", "OwnerAccount", "ResourceOwnerAccount"]
ACS3_KW = {"InstanceId": "instance_id", "ImageId": "image_id", "ClientToken": "client_token",
           "UseAdditionalService": "use_additional_service", "Password": "password",
           "PasswordInherit": "password_inherit", "KeyPairName": "key_pair_name", "DiskId": "disk_id",
           "Platform": "platform", "Architecture": "architecture",
           "SecurityEnhancementStrategy": "security_enhancement_strategy", "Encrypted": "encrypted",
           "KMSKeyId": "kmskey_id", "EncryptAlgorithm": "encrypt_algorithm", "OwnerId": "owner_id",
           "ResourceOwnerId": "resource_owner_id", "OwnerAccount": "owner_account",
           "ResourceOwnerAccount": "resource_owner_account"}
ARN_KW = {"RoleType": "role_type", "Rolearn": "rolearn", "AssumeRoleFor": "assume_role_for"}


def aliyun_params(rng):
    """(library params, the SDK's flat parameters in the library's order)."""
    p = {"InstanceId": rng.choice(["i-bp67acfmxazb4ph****", "i-" + C.text(rng, 5, 20, string.ascii_lowercase),
                                   C.text(rng, 1, 25, C.PRINTABLE, unicode=0.2)])}
    from_disk = rng.random() < 0.1
    if from_disk:
        p["DiskId"] = "d-" + C.text(rng, 5, 20, string.ascii_lowercase + string.digits)
        p["Platform"] = rng.choice(["CentOS", "Windows Server 2019", C.text(rng, 1, 10, C.PRINTABLE)])
        p["Architecture"] = rng.choice(["i386", "x86_64", "arm64"])
    else:
        p["ImageId"] = rng.choice(["m-bp67acfmxazb4ph****", "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
                                   C.text(rng, 1, 30, C.PRINTABLE, unicode=0.2)])
    if rng.random() < 0.4:
        p["SystemDisk.Size"] = rng.choice([rng.randint(20, 2048), rng.randint(1, 19), 40, 2048])
    if rng.random() < 0.3:
        p["ClientToken"] = C.text(rng, 1, 64, C.PRINTABLE)
    if rng.random() < 0.25:
        p["UseAdditionalService"] = rng.choice([True, False])
    inherit = rng.random() < 0.15
    if not inherit and rng.random() < 0.6:
        pw = C.password(rng, ALIYUN_SPECIALS + ("\"\\" if rng.random() < 0.2 else ""), 8, 30)
        p["Password"] = "A" + pw[1:] if pw.startswith("/") else pw
    if inherit or rng.random() < 0.1:
        p["PasswordInherit"] = inherit
    if rng.random() < 0.3:
        p["KeyPairName"] = C.text(rng, 1, 30, C.PRINTABLE, unicode=0.2)
    if rng.random() < 0.3:
        p["SecurityEnhancementStrategy"] = rng.choice(["Active", "Deactive"])
    encrypted = rng.random() < 0.3
    if encrypted or rng.random() < 0.1:
        p["Encrypted"] = encrypted
    if encrypted and rng.random() < 0.6:
        p["KMSKeyId"] = rng.choice(["e522b26d-abf6-4e0d-b5da-04b7******3c", C.text(rng, 1, 36, C.PRINTABLE, 0.2)])
    if encrypted and rng.random() < 0.3:
        p["EncryptAlgorithm"] = rng.choice(["AES256", "SM4", C.text(rng, 1, 8, C.PRINTABLE)])
    arns = []
    for _ in range(rng.choice([0, 0, 0, 1, 2, 11])):  # 11: Arn.10 sorts before Arn.2 as text
        arn = {}
        if rng.random() < 0.8:
            arn["RoleType"] = rng.choice(["user", "service", C.text(rng, 1, 8, C.PRINTABLE)])
        if rng.random() < 0.8:
            arn["Rolearn"] = "acs:ram::%d:role/%s" % (rng.randint(10**15, 10**16), C.text(rng, 1, 10, string.ascii_letters))
        if rng.random() < 0.8:
            arn["AssumeRoleFor"] = rng.randint(0, 10**16)
        arns.append(arn or {"RoleType": "user"})  # no gaps in the list
    for k in ALIYUN_OWNER:
        if rng.random() < 0.1:
            p[k] = rng.randint(1, 10**16) if k.endswith("Id") else C.text(rng, 1, 20, C.PRINTABLE, unicode=0.2)

    flat = OrderedDict((k, p[k]) for k in ALIYUN_ORDER if k in p)
    for field in ARN_KW:  # every RoleType, then every Rolearn, then every AssumeRoleFor
        for i, arn in enumerate(arns, 1):
            if field in arn:
                flat["Arn.%d.%s" % (i, field)] = arn[field]
    for k in ALIYUN_OWNER:
        if k in p:
            flat[k] = p[k]
    # The SDKs write a Python bool as True/False; reinstall-kit writes true/false
    # (documented): the SDKs get the text.
    sdk = OrderedDict((k, ("true" if v else "false") if isinstance(v, bool) else v) for k, v in flat.items())

    params = dict(p)
    for k in ("UseAdditionalService", "PasswordInherit", "Encrypted"):
        if k in params and rng.random() < 0.3:  # booleans as text, any case
            params[k] = rng.choice(["true", "TRUE", "True"]) if params[k] else rng.choice(["false", "False"])
    if "SystemDisk.Size" in params and rng.random() < 0.3:
        params["SystemDisk"] = {"Size": params.pop("SystemDisk.Size")}
    if arns:
        if rng.random() < 0.5:
            params["Arn"] = arns
        else:
            params.update(("Arn.%d.%s" % (i, f), v) for i, arn in enumerate(arns, 1) for f, v in arn.items())
    return C.shuffled(rng, params), sdk


def acs3_sdk(region, flat, token):
    import gen_aliyun as G
    from alibabacloud_ecs20140526 import models
    from alibabacloud_ecs20140526.client import Client
    from alibabacloud_tea_openapi.utils import Utils
    from alibabacloud_tea_openapi.utils_models import Config
    from darabonba.runtime import RuntimeOptions
    Utils.get_timestamp = staticmethod(lambda: G.TS)
    Utils.get_nonce = staticmethod(lambda: G.NONCE)
    Utils.get_user_agent = staticmethod(lambda _ua=None: G.USER_AGENT)
    client = Client(Config(access_key_id=G.AK, access_key_secret=G.SK, region_id=region, security_token=token))
    kw, arns = {}, {}
    for k, v in flat.items():
        if k == "SystemDisk.Size":
            kw["system_disk"] = models.ReplaceSystemDiskRequestSystemDisk(size=v)
        elif k.startswith("Arn."):
            _, i, field = k.split(".")
            arns.setdefault(int(i), {})[ARN_KW[field]] = v
        else:
            kw[ACS3_KW[k]] = v
    if arns:
        kw["arn"] = [models.ReplaceSystemDiskRequestArn(**arns[i]) for i in sorted(arns)]
    G._sent.clear()
    client.replace_system_disk_with_options(models.ReplaceSystemDiskRequest(**kw), RuntimeOptions())
    return G.wire(G._sent[0]), client._endpoint


def acs3_diff(ours, sdk, token):
    import gen_aliyun as G
    # The SDK also sends (and signs) user-agent and x-acs-credentials-provider; requests adds
    # Content-Length. Our Authorization is checked by signing our exact request with openapi-util.
    diff = request_diff(ours, sdk, skip_headers=("user-agent", "x-acs-credentials-provider", "content-length",
                                                 "authorization"))
    headers = OrderedDict((k, v) for k, v in ours["headers"].items() if k != "Authorization")
    resigned = G.acs3_vector("resign", "", ours["method"], ours["url"], headers, body=ours["body"], token=token,
                             nonce=G.NONCE, timestamp=G.TS)["expected"]["authorization"]
    if resigned != ours["headers"].get("Authorization"):
        diff["authorization of our own request"] = {"sdk": resigned, "ours": ours["headers"].get("Authorization")}
    return diff


def rpc_sdk(region, host, flat, token):
    import gen_aliyun as G
    from aliyunsdkcore.auth.credentials import StsTokenCredential
    from aliyunsdkcore.client import AcsClient
    from aliyunsdkcore.utils import parameter_helper
    from aliyunsdkecs.request.v20140526.ReplaceSystemDiskRequest import ReplaceSystemDiskRequest
    parameter_helper.get_iso_8061_date = lambda: G.TS
    parameter_helper.get_uuid = lambda: G.NONCE
    AcsClient.user_agent_header = staticmethod(lambda: G.USER_AGENT)
    AcsClient.default_user_agent = staticmethod(lambda: {})
    if token:
        client = AcsClient(region_id=region, credential=StsTokenCredential(G.AK, G.SK, token))
    else:
        client = AcsClient(G.AK, G.SK, region)
    req = ReplaceSystemDiskRequest()
    req.set_endpoint(host)  # no endpoint resolution (it may ask the network)
    for k, v in flat.items():  # setters in the library's order: the query keeps it
        if k == "SystemDisk.Size":
            req.set_SystemDiskSize(v)
        elif k.startswith("Arn."):
            req.add_query_param(k, v)  # the documented flat name
        else:
            getattr(req, "set_" + k)(v)
    G._sent.clear()
    client.do_action_with_exception(req)
    return G.wire(G._sent[0])


def without_params(url, names):
    base, _, query = url.partition("?")
    return base + "?" + "&".join(p for p in query.split("&") if p.split("=", 1)[0] not in names)


def rpc_diff(ours, sdk, token):
    import gen_aliyun as G
    # aliyunsdkcore also sends an empty SignatureType= (and signs it): compared without it,
    # and without Signature, which is checked by signing our exact URL with aliyunsdkcore.
    diff = C.field_diff({"method": ours["method"], "body": ours["body"],
                         "url": without_params(ours["url"], ("Signature",))},
                        {"method": sdk["method"], "body": sdk["body"],
                         "url": without_params(sdk["url"], ("Signature", "SignatureType"))},
                        ("method", "url", "body"))
    # The SDK's headers are its telemetry (x-sdk-*, x-acs-action/version, user-agent), all unsigned.
    if ours["headers"]:
        diff["headers"] = {"sdk": None, "ours": ours["headers"]}
    resigned = G.rpc_vector("resign", "", ours["method"], ours["url"], token=token, nonce=G.NONCE,
                            timestamp=G.TS)["expected"]["url"]
    if resigned != ours["url"]:
        diff["signature of our own URL"] = {"sdk": resigned, "ours": ours["url"]}
    return diff


def aliyun_case(rng, driver, _provider):
    import gen_aliyun as G
    scheme = "acs3" if rng.random() < 0.5 else "rpc"
    params, sdk_params = aliyun_params(rng)
    region = rng.choice(ALIYUN_REGIONS)
    token = G.TOKEN if rng.random() < 0.25 else None
    context = {"region": region, "accessKeyId": G.AK, "secretAccessKey": G.SK, "securityToken": token,
               "timestamp": G.TS, "nonce": G.NONCE}
    if "ClientToken" not in sdk_params:
        if rng.random() < 0.5:
            context["clientToken"] = False  # else the library makes one up
        else:
            context["clientToken"] = rng.choice([C.uuid_text(rng), C.text(rng, 1, 40, C.PRINTABLE)])
            sdk_params["ClientToken"] = context["clientToken"]  # sent after the documented parameters
    try:
        if scheme == "acs3":
            sdk, host = acs3_sdk(region, sdk_params, token)
            if rng.random() < 0.5:  # else the library's region map must give the SDK's host
                context["endpoint"] = "https://" + host
        else:
            from alibabacloud_ecs20140526.client import Client
            from alibabacloud_tea_openapi.utils_models import Config
            host = Client(Config(access_key_id=G.AK, access_key_secret=G.SK, region_id=region))._endpoint
            context["scheme"] = "aliyun-rpc-v1"
            context["endpoint"] = "http://" + host  # aliyunsdkcore's default protocol
            sdk = rpc_sdk(region, host, sdk_params, token)
    except Exception:
        return C.sdk_refused()
    answer = driver.build("aliyun", params, context)
    compare = acs3_diff if scheme == "acs3" else rpc_diff
    return classify(scheme, params, context, answer, lambda ours: compare(ours, sdk, token))


# ---------------------------------------------------------------- volcengine: volcengine-python-sdk

VOLC_REGIONS = ["cn-beijing", "cn-shanghai", "cn-guangzhou", "ap-southeast-1", "cn-beijing-autodriving",
                "ap-southeast-3", "cn-hongkong"]
VOLC_SPECIALS = "`~!@#$%^&*()_-+=|{}[]:;'<>,.?/"
VOLC_KW = {"InstanceId": "instance_id", "ImageId": "image_id", "Password": "password",
           "KeyPairName": "key_pair_name", "ClientToken": "client_token",
           "KeepImageCredential": "keep_image_credential", "DryRun": "dry_run", "Size": "size",
           "UserData": "user_data", "ImageReleaseVersion": "image_release_version"}


def volc_sdk(region, fields, token):
    import gen_volc as G
    import uuid
    import volcenginesdkcore
    import volcenginesdkcore.interceptor.interceptors.request as rq
    import volcenginesdkecs
    rq.uuid.uuid4 = lambda: uuid.UUID(G.INVOCATION_ID)
    G._clock["now"] = G.to_dt(TS)
    cfg = volcenginesdkcore.Configuration()
    cfg.ak, cfg.sk, cfg.region, cfg.session_token = G.AK, G.SK, region, token
    volcenginesdkcore.Configuration.set_default(cfg)
    G._sent.clear()
    volcenginesdkecs.ECSApi().replace_system_volume(
        volcenginesdkecs.ReplaceSystemVolumeRequest(**{VOLC_KW[k]: v for k, v in fields.items()}))
    return G._sent[0]


def volc_diff(ours, sdk, region, token):
    import gen_volc as G
    # The SDK also sends user-agent and signs its X-Sdk-Invocation-Id and X-Sdk-Request:
    # our Authorization is checked by signing our exact request with the SDK's signer.
    diff = request_diff(ours, sdk, skip_headers=("user-agent", "x-sdk-invocation-id", "x-sdk-request",
                                                 "authorization"))
    headers = OrderedDict((k, v) for k, v in ours["headers"].items() if k != "Authorization")
    resigned = G.vector("resign", "", ours["method"], ours["url"], headers=headers, body=ours["body"], token=token,
                        timestamp=TS, region=region)["expected"]["authorization"]
    if resigned != ours["headers"].get("Authorization"):
        diff["authorization of our own request"] = {"sdk": resigned, "ours": ours["headers"].get("Authorization")}
    return diff


def volcengine_case(rng, driver, _provider):
    import gen_volc as G
    fields = {"InstanceId": rng.choice(["i-a8j6n1i4hojfqpa0****", "i-" + C.text(rng, 5, 20, string.ascii_lowercase),
                                        C.text(rng, 1, 25, C.PRINTABLE, unicode=0.2)]),
              "ImageId": rng.choice(["image-38dfk6rfisf6kir6****", C.text(rng, 1, 30, C.PRINTABLE, unicode=0.2)])}
    keep = rng.random() < 0.15
    if not keep:
        c = rng.random()
        if c < 0.8:
            pw = C.password(rng, VOLC_SPECIALS, 8, 30)
            while pw.startswith("/") or pw.startswith("$6$"):
                pw = "A" + pw[1:]
            fields["Password"] = pw
        if c >= 0.5:
            fields["KeyPairName"] = C.text(rng, 1, 30, C.PRINTABLE, unicode=0.2)
    if rng.random() < 0.3:
        fields["ClientToken"] = C.text(rng, 1, 64, C.PRINTABLE, unicode=0.05)
    if keep or rng.random() < 0.1:
        fields["KeepImageCredential"] = keep
    if rng.random() < 0.25:
        fields["DryRun"] = rng.choice([True, False])
    if rng.random() < 0.3:
        fields["Size"] = rng.choice([rng.randint(10, 2048), rng.randint(1, 9), rng.randint(2049, 10**6)])
    if rng.random() < 0.3:
        fields["UserData"] = C.base64_text(rng) if rng.random() < 0.8 else C.text(rng, 1, 40, C.PRINTABLE, 0.2)
    if rng.random() < 0.2:
        fields["ImageReleaseVersion"] = C.text(rng, 1, 20, C.PRINTABLE, unicode=0.2)
    params = dict(fields)
    for k in ("KeepImageCredential", "DryRun"):
        if k in params and rng.random() < 0.3:
            params[k] = "true" if params[k] else "false"
    params = C.shuffled(rng, params)
    region = rng.choice(VOLC_REGIONS)
    token = G.TOKEN if rng.random() < 0.25 else None
    context = {"region": region, "accessKeyId": G.AK, "secretAccessKey": G.SK, "securityToken": token,
               "timestamp": TS}
    if "ClientToken" not in fields:
        if rng.random() < 0.5:
            context["clientToken"] = False
        else:
            context["clientToken"] = rng.choice([C.uuid_text(rng), C.text(rng, 1, 40, C.PRINTABLE)])
            fields["ClientToken"] = context["clientToken"]
    answer = driver.build("volcengine", params, context)
    try:
        sdk = volc_sdk(region, fields, token)
    except Exception:
        return C.sdk_refused()
    return classify("volcengine", params, context, answer, lambda ours: volc_diff(ours, sdk, region, token))


# ---------------------------------------------------------------- classify

def classify(label, params, context, answer, diff_of):
    """(class, detail) of one built request; diff_of(our request) compares it with the SDK's."""
    detail = {"params": params, "context": context}
    failed = C.failure_class(answer)
    if failed:
        return failed, dict(detail, answer=answer)
    value = answer["value"]
    if not value.get("ok"):
        # The generators make documented, valid parameters only.
        return "UNKNOWN: rejected", dict(detail, issues=value.get("issues"))
    diff = diff_of(value["request"])
    detail["diff"] = diff
    if not diff:
        return "match" if label not in ("acs3", "rpc") else label + ": match", detail
    if label in ("acs3", "volcengine") and space_as_plus_only(diff):
        return label + ": space sent as %20", detail
    return "UNKNOWN: %s: %s" % (label, ",".join(sorted(diff))), detail


CASES = {
    "huaweicloud": huawei_case,
    "otc": huawei_case,
    "ksyun": ksyun_case,
    "aliyun": aliyun_case,
    "volcengine": volcengine_case,
}


def main():
    args = C.parse_args("buildRequest vs the official SDK clients", sorted(CASES))
    driver = C.Driver(args.driver)
    status = C.run(args, "build_diff " + args.kind, lambda rng: CASES[args.kind](rng, driver, args.kind), KNOWN)
    driver.close()
    sys.exit(status)


if __name__ == "__main__":
    main()
