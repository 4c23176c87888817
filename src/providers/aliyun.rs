//! Alibaba Cloud ECS — ReplaceSystemDisk, Version 2014-05-26 (seed 003, S003).
//! RPC-style query parameters; signed with RPC v1 (HMAC-SHA1) or ACS3.
//! The cut special-character list and size ranges are filled from Alibaba's
//! docs and the `alibabacloud-ecs20140526` models (RULES §4).

use crate::issue::{Msg, Report, Text};
use crate::options::{Options, Os};
use crate::rules::password::{Classes, Others, PasswordPolicy};
use crate::schema::draft::{add_client_token, rpc_params};
use crate::schema::Values;
use crate::schema::{Check, Field, Generator, Kind, Location, Rule, Status};
use crate::schema::{Description, Operation, Provider, Region};
use crate::schema::{Draft, Target};
use crate::signing::Scheme;

pub const BAD_PASSWORD: &str = "InvalidPassword.Malformed";

/// S003 (list cut) filled from Alibaba's ECS docs: ``()`~!@#$%^&*-_+=|{}[]:;'<>,.?/``.
/// The SDK docstrings print `"` (or `\"`) where the docs have `'` (RULES C-A1):
/// `"` and `\` are accepted with a warning.
pub static PASSWORD: PasswordPolicy = PasswordPolicy {
    min: 8,
    max: 30,
    specials: "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/",
    disputed: "\"\\",
    disputed_why: Text::new(
        "only the SDK docstrings list (the ECS documentation does not)",
        "只有 SDK 文档注释列出了这些字符，ECS 文档未列出",
    ),
    classes: Classes::AtLeast(3),
    others: Others::Reject,
    forbidden_prefixes: &[("/", true)],
    windows_username_rule: false,
};

const fn deprecated(
    name: &'static str,
    kind: Kind,
    instead: Option<&'static str>,
    help: Text,
) -> Field {
    Field::new(name, Location::Query, kind, Text::new(name, name), help)
        .status(Status::Deprecated(instead))
}

const fn not_public(name: &'static str, kind: Kind) -> Field {
    Field::new(
        name,
        Location::Query,
        kind,
        Text::new(name, name),
        Text::new("Not available for public use.", "未对外开放。"),
    )
    .status(Status::NotPublic)
}

const fn hidden(name: &'static str, kind: Kind) -> Field {
    Field::new(
        name,
        Location::Query,
        kind,
        Text::new(name, name),
        Text::new(
            "Owner parameter (hidden in the API reference).",
            "资源所有者参数（API 文档中隐藏）。",
        ),
    )
    .status(Status::Hidden)
}

pub static FIELDS: [Field; 22] = [
    Field::new(
        "InstanceId",
        Location::Query,
        Kind::String,
        Text::new("Instance ID", "实例 ID"),
        Text::new("The instance whose system disk is replaced; it must be Stopped.", "要更换系统盘的实例 ID，实例须处于已停止状态。"),
    )
    .required(Some("MissingParameter"))
    .checks(&[Check::error(Rule::NoControl)])
    .example("i-bp67acfmxazb4ph****"),
    Field::new(
        "ImageId",
        Location::Query,
        Kind::String,
        Text::new("Image ID", "镜像 ID"),
        Text::new("The image for the new system disk (required unless the deprecated DiskId is used).", "新系统盘使用的镜像 ID（除非使用已废弃的 DiskId，否则必填）。"),
    )
    .checks(&[Check::error(Rule::NoControl)])
    .example("m-bp67acfmxazb4ph****"),
    Field::new(
        "SystemDisk.Size",
        Location::Query,
        Kind::Integer,
        Text::new("System disk size (GiB)", "系统盘大小（GiB）"),
        Text::new(
            "New system disk capacity, not below the current one. Default Max{40, image size}; range by category up to 2048 (basic disks 500).",
            "新系统盘容量，不能低于原系统盘容量。默认 Max{40, 镜像大小}；按云盘类别最大 2048（普通云盘 500）。",
        ),
    )
    .code("InvalidSystemDiskSize.ValueNotSupported")
    .checks(&[
        Check::error(Rule::Minimum(1)).code("InvalidSystemDiskSize.LessThanMinSize"),
        // ALI-SDK: the minimum is 20 GiB for every category but ESSD PL0 /
        // AutoPL (1 GiB); the category is unknown here, so below 20 is a warning.
        Check::warning(
            Rule::Minimum(20),
            Text::new(
                "(20 GiB is the minimum except for ESSD PL0 and ESSD AutoPL disks.)",
                "（除 ESSD PL0 与 ESSD AutoPL 云盘外，最小为 20 GiB。）",
            ),
        )
        .code("InvalidSystemDiskSize.LessThanMinSize"),
        Check::error(Rule::Maximum(2048)).code("InvalidSystemDiskSize.MoreThanMaxSize"),
    ])
    .example("80"),
    Field::new(
        "ClientToken",
        Location::Query,
        Kind::String,
        Text::new("Client token", "幂等令牌"),
        Text::new("Idempotency token: ASCII only, at most 64 characters, unique per request.", "幂等令牌：只能包含 ASCII 字符，不超过 64 个字符，不同请求唯一。"),
    )
    .checks(&[Check::error(Rule::Ascii), Check::error(Rule::MaxLength(64))])
    .generator(Generator::ClientToken)
    .example("123e4567-e89b-12d3-a456-426655440000"),
    Field::new(
        "UseAdditionalService",
        Location::Query,
        Kind::Boolean,
        Text::new("Use additional service", "使用增值服务"),
        Text::new("Use Alibaba Cloud's system configuration (NTP, KMS/YUM); only for /dev/xvda.", "使用阿里云提供的虚拟机系统配置（NTP、KMS/YUM）；仅对 /dev/xvda 生效。"),
    )
    .bool_any_case(),
    Field::new(
        "Password",
        Location::Query,
        Kind::String,
        Text::new("Password", "密码"),
        Text::new(
            "8–30 characters, at least three of upper-case, lower-case, digits and ()`~!@#$%^&*-_+=|{}[]:;'<>,.?/ (\" and \\ warned: only the SDK lists them). Windows: must not start with /. Empty: keep the current password.",
            "8–30 个字符，至少包含大写字母、小写字母、数字和特殊字符 ()`~!@#$%^&*-_+=|{}[]:;'<>,.?/ 中的三种（\" 和 \\ 会有警告：仅 SDK 列出）。Windows 实例不能以 / 开头。为空表示不修改。",
        ),
    )
    .code(BAD_PASSWORD)
    .checks(&[Check::error(Rule::Password(&PASSWORD))])
    .secret()
    .generator(Generator::Password)
    .example("EcsV587!"),
    Field::new(
        "PasswordInherit",
        Location::Query,
        Kind::Boolean,
        Text::new("Use image's preset password", "使用镜像预设密码"),
        Text::new("Use the password preset in the image; Password must then be empty.", "使用镜像预设的密码；此时 Password 必须为空。"),
    )
    .bool_any_case(),
    Field::new(
        "KeyPairName",
        Location::Query,
        Kind::String,
        Text::new("Key pair name", "密钥对名称"),
        Text::new("Linux only: bind this SSH key pair; password logon is then disabled.", "仅适用于 Linux 实例：绑定 SSH 密钥对，绑定后禁用用户名密码登录。"),
    )
    .checks(&[Check::error(Rule::NoControl)])
    .example("testKeyPairName"),
    deprecated(
        "DiskId",
        Kind::String,
        Some("ImageId"),
        Text::new("Deprecated: use ImageId.", "已废弃：请使用 ImageId。"),
    ),
    // S003 error table (RULES 4.5): a malformed Platform is `InvalidPlatform.Malformed`.
    deprecated("Platform", Kind::String, None, Text::new("Deprecated.", "该参数已废弃。"))
        .code("InvalidPlatform.Malformed"),
    Field {
        checks: &[Check::warning(
            Rule::OneOf(&["i386", "x86_64"]),
            Text::new("(Values from the older documentation.)", "（取值来自旧版文档。）"),
        )],
        code: Some("InvalidArchitecture.Malformed"),
        ..deprecated("Architecture", Kind::String, None, Text::new("Deprecated.", "该参数已废弃。"))
    },
    Field::new(
        "SecurityEnhancementStrategy",
        Location::Query,
        Kind::String,
        Text::new("Security enhancement", "安全加固"),
        Text::new("Active: use Security Center Basic (public images only); Deactive (default): do not.", "Active：启用云安全中心免费版（仅公共镜像）；Deactive（默认）：不启用。"),
    )
    .checks(&[Check::error(Rule::OneOf(&["Active", "Deactive"]))]),
    Field::new(
        "Encrypted",
        Location::Query,
        Kind::Boolean,
        Text::new("Encrypt system disk", "系统盘加密"),
        Text::new("Encrypt the new system disk (default false).", "是否加密新系统盘（默认 false）。"),
    )
    .bool_any_case(),
    Field::new(
        "KMSKeyId",
        Location::Query,
        Kind::String,
        Text::new("KMS key ID", "KMS 密钥 ID"),
        Text::new("KMS key for the system disk; requires Encrypted=true.", "系统盘使用的 KMS 密钥 ID；需 Encrypted=true。"),
    )
    .checks(&[Check::error(Rule::NoControl)])
    .example("e522b26d-abf6-4e0d-b5da-04b7******3c"),
    // S003 error table (RULES 4.5): a bad EncryptAlgorithm is `InvalidEncryptAlgorithm`.
    not_public("EncryptAlgorithm", Kind::String).code("InvalidEncryptAlgorithm"),
    not_public("Arn.N.RoleType", Kind::String),
    not_public("Arn.N.Rolearn", Kind::String),
    not_public("Arn.N.AssumeRoleFor", Kind::Integer),
    hidden("OwnerId", Kind::Integer),
    hidden("ResourceOwnerId", Kind::Integer),
    hidden("OwnerAccount", Kind::String),
    hidden("ResourceOwnerAccount", Kind::String),
];

fn cross(v: &Values<'_>, options: &Options, report: &mut Report) {
    match (v.is_set("ImageId"), v.is_set("DiskId")) {
        (false, false) => report.error(
            "ImageId",
            "one_of",
            Some("InvalidParameter.AllEmpty"),
            Msg::Text(Text::new(
                "Give ImageId (or the deprecated DiskId).",
                "请填写 ImageId（或已废弃的 DiskId）。",
            )),
        ),
        (true, true) => report.error(
            "DiskId",
            "exclusive",
            Some("InvalidParameter.Conflict"),
            Msg::BothSet {
                a: "ImageId",
                b: "DiskId",
            },
        ),
        _ => {}
    }
    let password = v.is_set("Password");
    if password && v.is_true("PasswordInherit") {
        report.error(
            "Password",
            "exclusive",
            Some("InvalidPasswordParam.Mismatch"),
            Msg::Text(Text::new(
                "Must be empty when PasswordInherit is true.",
                "PasswordInherit 为 true 时 Password 必须为空。",
            )),
        );
    }
    if v.is_set("KeyPairName") {
        if options.os == Some(Os::Windows) {
            // S003 error table; older docs said the key is ignored (RULES C-A2): the seed wins.
            report.error(
                "KeyPairName",
                "windows_key_pair",
                Some("DependencyViolation.WindowsInstance"),
                Msg::Text(Text::new(
                    "Windows instances cannot use an SSH key pair: give Password instead.",
                    "Windows 实例不能使用 SSH 密钥对登录，请改用 Password。",
                )),
            );
        } else if password {
            report.warning(
                "Password",
                "ignored",
                None,
                Msg::Text(Text::new(
                    "With a key pair bound, password logon is disabled.",
                    "绑定密钥对后将禁用用户名密码登录方式。",
                )),
            );
        }
    }
    let encrypted = v.is_true("Encrypted");
    if v.is_set("KMSKeyId") && !encrypted {
        report.error(
            "KMSKeyId",
            "requires",
            Some("InvalidEncrypted.NotMatchKmsKeyId"),
            Msg::Requires {
                other: "Encrypted",
                value: "true",
            },
        );
    }
    if v.is_set("EncryptAlgorithm") && !encrypted {
        report.error(
            "EncryptAlgorithm",
            "requires",
            Some("InvalidEncrypted.NotMatchEncryptAlgorithm"),
            Msg::Requires {
                other: "Encrypted",
                value: "true",
            },
        );
    }
    // The DiskId path historically needed Platform and Architecture (S003 error table).
    if v.is_set("DiskId") && !v.is_set("ImageId") {
        for (name, code) in [
            ("Platform", "MissingParameter.Platform"),
            ("Architecture", "MissingParameter.Architecture"),
        ] {
            if !v.is_set(name) {
                report.warning(
                    name,
                    "required_with",
                    Some(code),
                    Msg::RequiresPresent { other: "DiskId" },
                );
            }
        }
    }
}

/// The request as Alibaba's SDKs send it (tests/vectors/requests/aliyun.json):
/// a POST with every parameter in the query and an empty body.
/// ACS3 (`alibabacloud-ecs20140526`): query sorted by name, `Action`/`Version`
/// as `x-acs-*` headers. RPC v1 (`aliyun-python-sdk-ecs`): the parameters, then
/// `Version`, `Action`, `Format=JSON` and `RegionId`, then the scheme's common
/// parameters. Booleans go as `true`/`false` (the Python SDKs write `True`).
fn build(v: &Values<'_>, target: &Target<'_>) -> Draft {
    let mut query = rpc_params(&REPLACE_SYSTEM_DISK, v);
    add_client_token(&mut query, v, target);
    let mut headers = Vec::new();
    if target.scheme == Scheme::AliyunRpcV1 {
        // aliyunsdkcore's STS signer adds SecurityToken to the request's own
        // parameters, before the composer appends Version, Action, Format, RegionId.
        if let Some(token) = target.security_token {
            query.push(("SecurityToken".into(), token.to_string()));
        }
        query.push(("Version".into(), "2014-05-26".into()));
        query.push(("Action".into(), "ReplaceSystemDisk".into()));
        query.push(("Format".into(), "JSON".into()));
        if let Some(region) = target.region {
            query.push(("RegionId".into(), region.to_string()));
        }
    } else {
        // alibabacloud-ecs20140526 `replace_system_disk_with_options` fills
        // its query by name, the SystemDisk struct last (after
        // UseAdditionalService); list items go by position (Arn.2 before Arn.10).
        let last = |p: &(String, String)| p.0.starts_with("SystemDisk.");
        crate::util::sort::sort_by(&mut query, |a, b| {
            last(a)
                .cmp(&last(b))
                .then_with(|| crate::schema::draft::by_position(&a.0, &b.0))
                .then_with(|| a.1.cmp(&b.1))
        });
        headers.push(("x-acs-action".into(), "ReplaceSystemDisk".into()));
        headers.push(("x-acs-version".into(), "2014-05-26".into()));
        headers.push(("Accept".into(), "application/json".into()));
    }
    Draft {
        method: "POST",
        path: "/".into(),
        query,
        headers,
        body: String::new(),
        service: None,
    }
}

pub static PRECONDITIONS: [Text; 8] = [
    Text::new("The instance must be Stopped (in economical mode: stop it in normal mode).", "实例必须处于已停止状态（按量付费开启节省停机模式时，请以普通停机模式停止）。"),
    Text::new("No unpaid orders on the instance; not locked for security.", "实例不能有未支付订单，不能被安全锁定。"),
    Text::new("The billing method and the disk category of the system disk cannot change.", "不支持变更系统盘计费方式和云盘类型。"),
    Text::new("SystemDisk.Size cannot be lower than the current system disk or the image.", "SystemDisk.Size 不能低于原系统盘容量和镜像大小。"),
    Text::new("The image must exist, be available (subscribed for marketplace images) and fit the instance type.", "镜像必须存在、可用（云市场镜像需已购买）且支持该实例规格。"),
    Text::new("Images containing data-disk snapshots cannot be used.", "不支持包含数据盘快照的镜像。"),
    Text::new("The key pair and the KMS key must exist; the KMS key must be enabled and symmetric.", "密钥对和 KMS 密钥必须存在；KMS 密钥须已启用且为对称密钥。"),
    Text::new("The region must support encrypted system disks when Encrypted is true.", "Encrypted 为 true 时，地域须支持加密系统盘。"),
];

/// The ECS SDKs' endpoint map (alibabacloud-ecs20140526 7.11.8 client.py
/// `_endpoint_map`; aliyun-python-sdk-ecs endpoint.py has the same entries):
/// these regions are not reached at `ecs.{region}.aliyuncs.com`.
static SDK_HOSTS: [(&str, &str); 35] = [
    ("cn-hangzhou", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-shanghai-finance-1", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-shenzhen-finance-1", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-north-2-gov-1", "ecs.aliyuncs.com"),
    ("ap-northeast-2-pop", "ecs.aliyuncs.com"),
    ("cn-beijing-finance-pop", "ecs.aliyuncs.com"),
    ("cn-beijing-gov-1", "ecs.aliyuncs.com"),
    ("cn-beijing-nu16-b01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-edge-1", "ecs.cn-qingdao-nebula.aliyuncs.com"),
    ("cn-fujian", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-haidian-cm12-c01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-hangzhou-bj-b01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-hangzhou-finance", "ecs.aliyuncs.com"),
    (
        "cn-hangzhou-internal-prod-1",
        "ecs-cn-hangzhou.aliyuncs.com",
    ),
    (
        "cn-hangzhou-internal-test-1",
        "ecs-cn-hangzhou.aliyuncs.com",
    ),
    (
        "cn-hangzhou-internal-test-2",
        "ecs-cn-hangzhou.aliyuncs.com",
    ),
    (
        "cn-hangzhou-internal-test-3",
        "ecs-cn-hangzhou.aliyuncs.com",
    ),
    ("cn-hangzhou-test-306", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-hongkong-finance-pop", "ecs.aliyuncs.com"),
    (
        "cn-huhehaote-nebula-1",
        "ecs.cn-qingdao-nebula.aliyuncs.com",
    ),
    ("cn-shanghai-et15-b01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-shanghai-et2-b01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-shanghai-inner", "ecs.aliyuncs.com"),
    (
        "cn-shanghai-internal-test-1",
        "ecs-cn-hangzhou.aliyuncs.com",
    ),
    ("cn-shenzhen-inner", "ecs.aliyuncs.com"),
    ("cn-shenzhen-st4-d01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-shenzhen-su18-b01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-wuhan", "ecs.aliyuncs.com"),
    ("cn-yushanfang", "ecs.aliyuncs.com"),
    ("cn-zhangbei", "ecs.aliyuncs.com"),
    ("cn-zhangbei-na61-b01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-zhangjiakou-na62-a01", "ecs.cn-zhangjiakou.aliyuncs.com"),
    (
        "cn-zhengzhou-nebula-1",
        "ecs.cn-qingdao-nebula.aliyuncs.com",
    ),
    ("eu-west-1-oxs", "ecs.cn-shenzhen-cloudstone.aliyuncs.com"),
    ("rus-west-1-pop", "ecs.aliyuncs.com"),
];

pub static PROVIDER: Provider = Provider {
    id: "aliyun",
    name: Text::new("Alibaba Cloud ECS", "阿里云 云服务器 ECS"),
    region: Region {
        required: true,
        example: "cn-hangzhou",
        endpoint: "https://ecs.{region}.aliyuncs.com",
        hosts: &SDK_HOSTS,
    },
    operations: &[&REPLACE_SYSTEM_DISK],
};

/// ReplaceSystemDisk (2014-05-26): POST /
pub static REPLACE_SYSTEM_DISK: Operation = Operation {
    name: "ReplaceSystemDisk",
    version: "2014-05-26",
    method: "POST",
    path: "/",
    docs: "https://help.aliyun.com/document_detail/25521.html",
    schemes: &[Scheme::AliyunAcs3, Scheme::AliyunRpcV1],
    fixed: &[("Action", "ReplaceSystemDisk"), ("Version", "2014-05-26")],
    fields: &FIELDS,
    malformed_code: None,
    cross,
    build,
    description: Description::new(
        &PRECONDITIONS,
        r#"{
  "InstanceId": "i-bp67acfmxazb4ph****",
  "ImageId": "m-bp67acfmxazb4ph****",
  "SystemDisk.Size": 80,
  "ClientToken": "123e4567-e89b-12d3-a456-426655440000",
  "Password": "EcsV587!",
  "SecurityEnhancementStrategy": "Active"
}"#,
    ),
};
