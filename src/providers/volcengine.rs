//! Volcengine ECS — ReplaceSystemVolume, Version 2020-04-01 (seed 004, S004).
//! Query parameters, service `ecs`. The password and key-pair rules the seed
//! lost are filled from the 2023-12-19 version of the same page and the
//! BytePlus copy (RULES §5, VE-DOC-1219 / BP-DOC); `Size`, `UserData` and
//! `ImageReleaseVersion` are newer parameters of `volcengine-python-sdk`.

use crate::issue::{Msg, Report, Text};
use crate::options::{Options, Os};
use crate::rules::password::{Classes, Others, PasswordPolicy};
use crate::schema::draft::{add_client_token, rpc_params};
use crate::schema::Values;
use crate::schema::{Check, Field, Generator, Kind, Location, Rule};
use crate::schema::{Description, Operation, Provider, Region};
use crate::schema::{Draft, Target};
use crate::signing::Scheme;

pub const BAD_PASSWORD: &str = "InvalidPassword.Malformed";
pub const BAD_ARGUMENT: &str = "InvalidArgument";

/// VE-DOC-1219: 8–30 characters, only letters, digits and
/// `` `~!@#$%^&*()_-+=|{}[]:;'<>,.?/ ``, at least three classes, not starting
/// with `/` or `$6$` (any OS).
pub static PASSWORD: PasswordPolicy = PasswordPolicy {
    min: 8,
    max: 30,
    specials: "`~!@#$%^&*()_-+=|{}[]:;'<>,.?/",
    disputed: "",
    disputed_why: Text::new("", ""),
    classes: Classes::AtLeast(3),
    others: Others::Reject,
    forbidden_prefixes: &[("/", false), ("$6$", false)],
    windows_username_rule: false,
};

const UNCERTAIN: Text = Text::new(
    "(The document's ClientToken rule is cut off; this is the usual limit of 64 ASCII characters.)",
    "（文档中 ClientToken 的规则缺失；此处按常见的不超过 64 个 ASCII 字符检查。）",
);

const NEWER: Text = Text::new(
    "(Newer parameter from the Volcengine SDK and Terraform provider, not in the API document.)",
    "（较新的参数，来自火山引擎 SDK 与 Terraform Provider，接口文档未列出。）",
);

pub static FIELDS: [Field; 10] = [
    Field::new(
        "InstanceId",
        Location::Query,
        Kind::String,
        Text::new("Instance ID", "实例 ID"),
        Text::new("The instance to reinstall (DescribeInstances).", "实例 ID，可调用 DescribeInstances 查询。"),
    )
    .required(Some("MissingParameter.InstanceId"))
    .code(BAD_ARGUMENT)
    .checks(&[Check::error(Rule::NoControl)])
    .example("i-a8j6n1i4hojfqpa0****"),
    Field::new(
        "ImageId",
        Location::Query,
        Kind::String,
        Text::new("Image ID", "镜像 ID"),
        Text::new("The image of the new system (DescribeImages).", "更换操作系统时使用的镜像 ID，可调用 DescribeImages 查询。"),
    )
    .required(Some("MissingParameter.ImageId"))
    .code(BAD_ARGUMENT)
    .checks(&[Check::error(Rule::NoControl)])
    .example("image-38dfk6rfisf6kir6****"),
    Field::new(
        "Password",
        Location::Query,
        Kind::String,
        Text::new("Password", "密码"),
        Text::new(
            "8–30 characters: letters, digits and `~!@#$%^&*()_-+=|{}[]:;'<>,.?/ only, at least three kinds; must not start with / or $6$. Give this or KeyPairName, unless KeepImageCredential is true.",
            "8–30 个字符，只能由大小写字母、数字和特殊字符 `~!@#$%^&*()_-+=|{}[]:;'<>,.?/ 组成，且至少包含三种；不能以 / 或 $6$ 开头。与 KeyPairName 至少填写一个，除非 KeepImageCredential 为 true。",
        ),
    )
    .code(BAD_PASSWORD)
    .checks(&[Check::error(Rule::Password(&PASSWORD))])
    .secret()
    .generator(Generator::Password)
    .example("Password@123"),
    Field::new(
        "KeyPairName",
        Location::Query,
        Kind::String,
        Text::new("Key pair name", "密钥对名称"),
        Text::new("Linux instances only (DescribeKeyPairs). With a password too, only the key pair takes effect.", "仅对 Linux 实例生效，可调用 DescribeKeyPairs 查询。同时设置密码时仅密钥对生效。"),
    )
    .code(BAD_ARGUMENT)
    .checks(&[Check::error(Rule::NoControl)])
    .example("kp-test-123"),
    Field::new(
        "ClientToken",
        Location::Query,
        Kind::String,
        Text::new("Client token", "幂等令牌"),
        Text::new("Unique per request, makes retries idempotent.", "保证请求幂等性，由客户端生成，确保不同请求间唯一。"),
    )
    .code("InvalidClientToken.Malformed")
    .checks(&[Check::warning(Rule::Ascii, UNCERTAIN), Check::warning(Rule::MaxLength(64), UNCERTAIN)])
    .generator(Generator::ClientToken)
    .example("333456899ff****"),
    Field::new(
        "KeepImageCredential",
        Location::Query,
        Kind::Boolean,
        Text::new("Keep image credential", "使用镜像预设凭证"),
        Text::new(
            "Log in with the password / key pair preset in the image (custom images only). Then give neither Password nor KeyPairName.",
            "使用镜像预设的密码/密钥对登录（仅自定义镜像）。此时不能设置 Password 和 KeyPairName。",
        ),
    )
    .code(BAD_ARGUMENT),
    Field::new(
        "DryRun",
        Location::Query,
        Kind::Boolean,
        Text::new("Dry run", "预检"),
        Text::new("true: only check the request (success answers DryRunOperation); false: run it.", "true：只预检此次请求（通过时返回 DryRunOperation）；false：正常执行。"),
    )
    .code(BAD_ARGUMENT),
    Field::new(
        "Size",
        Location::Query,
        Kind::Integer,
        Text::new("System volume size (GiB)", "系统盘大小（GiB）"),
        Text::new("New system volume size. ESSD 20–2048, PTSSD 10–500.", "系统盘大小。ESSD 20–2048，PTSSD 10–500。"),
    )
    // RULES 5.5: a malformed argument (wrong type) is `InvalidArgument`; only
    // the size limit itself is `LimitExceeded.SystemVolumeSize` (S004 error table).
    .code(BAD_ARGUMENT)
    .checks(&[
        // A size is positive, whatever the documented range (as ksyun's).
        Check::error(Rule::Minimum(1)),
        Check::warning(Rule::Minimum(10), NEWER).code("LimitExceeded.SystemVolumeSize"),
        Check::warning(Rule::Maximum(2048), NEWER).code("LimitExceeded.SystemVolumeSize"),
    ]),
    Field::new(
        "UserData",
        Location::Query,
        Kind::String,
        Text::new("User data", "自定义数据"),
        Text::new("Custom data for the new system, Base64-encoded.", "实例自定义数据，须 Base64 编码。"),
    )
    .code(BAD_ARGUMENT)
    .checks(&[Check::warning(Rule::Base64, NEWER)]),
    Field::new(
        "ImageReleaseVersion",
        Location::Query,
        Kind::String,
        Text::new("Image release version", "镜像发行版本"),
        Text::new("Release version of the image.", "镜像的发行版本。"),
    )
    .code(BAD_ARGUMENT)
    .checks(&[Check::error(Rule::NoControl)]),
];

const KEEP_CREDENTIAL_MISMATCH: Text = Text::new(
    "Must not be set when KeepImageCredential is true.",
    "KeepImageCredential 为 true 时不能设置该参数。",
);

fn cross(v: &Values<'_>, options: &Options, report: &mut Report) {
    let (password, key) = (v.is_set("Password"), v.is_set("KeyPairName"));
    if v.is_true("KeepImageCredential") {
        if password {
            report.error(
                "Password",
                "exclusive",
                Some("InvalidPassword.KeepImageCredentialMismatch"),
                // S004: refused (412 ...KeepImageCredentialMismatch), not ignored.
                Msg::Text(KEEP_CREDENTIAL_MISMATCH),
            );
        }
        if key {
            report.error(
                "KeyPairName",
                "exclusive",
                Some("InvalidKeyPairName.KeepImageCredentialMismatch"),
                // S004: refused (412 ...KeepImageCredentialMismatch), not ignored.
                Msg::Text(KEEP_CREDENTIAL_MISMATCH),
            );
        }
    } else if !password && !key {
        report.error(
            "Password",
            "one_of",
            Some("MissingParameter.PasswordAndKeyPair"),
            Msg::Text(Text::new(
                "Give Password or KeyPairName, or set KeepImageCredential to true.",
                "请填写 Password 或 KeyPairName，或将 KeepImageCredential 设为 true。",
            )),
        );
    }
    if key && options.os == Some(Os::Windows) {
        report.error(
            "KeyPairName",
            "windows_key_pair",
            Some("InvalidKeyPairForWindows.Unsupported"),
            Msg::Text(Text::new(
                "Windows instances do not support key pairs: give Password instead.",
                "Windows 操作系统的实例不支持密钥对，请改用 Password。",
            )),
        );
    } else if password && key && !v.is_true("KeepImageCredential") {
        report.warning(
            "Password",
            "ignored",
            None,
            Msg::Ignored {
                because: Text::new("KeyPairName is set", "已设置 KeyPairName "),
            },
        );
    }
}

/// The request as `volcengine-python-sdk` sends it
/// (tests/vectors/requests/volcengine.json): a GET with the parameters in the
/// query (sorted), then `Action` and `Version`; `Accept: application/json` and
/// the `Content-Type: text/plain` it signs; service `ecs` in the scope.
fn build(v: &Values<'_>, target: &Target<'_>) -> Draft {
    let mut query = rpc_params(&REPLACE_SYSTEM_VOLUME, v);
    add_client_token(&mut query, v, target);
    crate::util::sort::sort_by(&mut query, |a, b| a.cmp(b));
    query.push(("Action".into(), "ReplaceSystemVolume".into()));
    query.push(("Version".into(), "2020-04-01".into()));
    Draft {
        method: "GET",
        path: "/".into(),
        query,
        headers: vec![
            ("Accept".into(), "application/json".into()),
            ("Content-Type".into(), "text/plain".into()),
        ],
        body: String::new(),
        service: Some("ecs"),
    }
}

pub static PRECONDITIONS: [Text; 7] = [
    Text::new("The instance should be stopped.", "实例应处于已停止状态。"),
    Text::new("The instance must not be expired, locked, creating an image, or created by another service.", "实例不能已过期、被锁定、正在创建镜像或由其他服务创建。"),
    Text::new("The image must exist and fit the instance type and the volume type.", "镜像必须存在，且与实例规格和云盘类型匹配。"),
    Text::new("The system volume must be at least the image size and within the type's limit.", "系统盘容量不能小于镜像文件大小，且不能超过限制。"),
    Text::new("KeepImageCredential only with custom images that preset a credential.", "KeepImageCredential 仅适用于预设了凭证的自定义镜像。"),
    Text::new("Linux → Windows keeps only the first 15 characters of the hostname.", "Linux 更换为 Windows 时主机名只保留前 15 个字符。"),
    Text::new("A ClientToken reused with different parameters is refused.", "同一 ClientToken 用于不同参数的请求会被拒绝。"),
];

pub static PROVIDER: Provider = Provider {
    id: "volcengine",
    name: Text::new("Volcengine ECS", "火山引擎 云服务器 ECS"),
    region: Region {
        required: true,
        example: "cn-beijing",
        endpoint: "https://open.volcengineapi.com",
        // volcengine-python-sdk (volcenginesdkcore endpoint/providers/
        // default_provider.py): its "bootstrap" regions are served by the
        // regional host `ecs.{region}.volcengineapi.com`, every other by `open`.
        hosts: &[
            (
                "cn-beijing-autodriving",
                "ecs.cn-beijing-autodriving.volcengineapi.com",
            ),
            ("ap-southeast-2", "ecs.ap-southeast-2.volcengineapi.com"),
            ("ap-southeast-3", "ecs.ap-southeast-3.volcengineapi.com"),
            (
                "cn-shanghai-autodriving",
                "ecs.cn-shanghai-autodriving.volcengineapi.com",
            ),
            (
                "cn-beijing-selfdrive",
                "ecs.cn-beijing-selfdrive.volcengineapi.com",
            ),
        ],
    },
    operations: &[&REPLACE_SYSTEM_VOLUME],
};

/// ReplaceSystemVolume (2020-04-01): GET /
pub static REPLACE_SYSTEM_VOLUME: Operation = Operation {
    name: "ReplaceSystemVolume",
    version: "2020-04-01",
    method: "GET",
    path: "/",
    docs: "https://www.volcengine.com/docs/6396/101073",
    schemes: &[Scheme::VolcHmacSha256],
    fixed: &[("Action", "ReplaceSystemVolume"), ("Version", "2020-04-01")],
    fields: &FIELDS,
    malformed_code: None,
    cross,
    build,
    description: Description::new(
        &PRECONDITIONS,
        r#"{
  "InstanceId": "i-a8j6n1i4hojfqpa0****",
  "ImageId": "image-38dfk6rfisf6kir6****",
  "Password": "Password@123"
}"#,
    ),
};
