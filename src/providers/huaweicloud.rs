//! Huawei Cloud ECS — Changing an ECS OS (image without Cloud-Init).
//! `POST /v1/{project_id}/cloudservers/{server_id}/changeos`, JSON body
//! `{"os-change": {...}}`. Source: seed 000 (S000), filled from the
//! `huaweicloudsdkecs` models and Huawei's API Explorer definition where noted
//! (see RULES.md §1 for every rule's source).

use crate::issue::{Msg, Report, Text};
use crate::options::{Options, Os};
use crate::rules::password::{Classes, Others, PasswordPolicy};
use crate::schema::Values;
use crate::schema::{Check, Field, Generator, Kind, Location, Rule};
use crate::schema::{Description, Operation, Provider, Region};
use crate::schema::{Draft, Target};
use crate::signing::{encode, Scheme};
use crate::util::json::{py_json_object, py_json_string};

/// Huawei's generic "Invalid parameter values" (error-code table).
pub const INVALID: &str = "Ecs.0005";
/// "Ensure the password meets the password complexity requirements".
pub const BAD_PASSWORD: &str = "Ecs.0011";

/// S000 Table 3. `~ # *` are in S000 but not in the SDK docstring or API
/// Explorer (RULES C-H1): accepted, with a warning.
pub static PASSWORD: PasswordPolicy = PasswordPolicy {
    min: 8,
    max: 26,
    specials: "!@$%^-_=+[{}]:,./?~#*",
    disputed: "~#*",
    disputed_why: Text::new(
        "the API document allows but huaweicloudsdkecs and API Explorer do not list",
        "接口文档允许，但 huaweicloudsdkecs 与 API Explorer 未列出这些字符",
    ),
    classes: Classes::AtLeast(3),
    // Characters outside the list: S000 does not say they are refused (RULES G-H1).
    // Issue #2 and the console: only the listed specials (RULES G-H1 leaves it open;
    // the console enforces the list), so anything else is refused.
    others: Others::Reject,
    forbidden_prefixes: &[],
    windows_username_rule: true,
};

pub const PROJECT_ID: Field = Field::new(
    "project_id",
    Location::Path,
    Kind::String,
    Text::new("Project ID", "项目 ID"),
    Text::new(
        "The project ID of the region (IAM console → My Credentials).",
        "区域对应的项目 ID（IAM 控制台“我的凭证”中查看）。",
    ),
)
.required(None)
.checks(&[Check::error(Rule::PathSegment)])
.example("0b7a1d0d8a80f2f92fd9c00d6d3d4d84");

pub const SERVER_ID: Field = Field::new(
    "server_id",
    Location::Path,
    Kind::String,
    Text::new("ECS ID", "云服务器 ID"),
    Text::new(
        "The ID of the ECS whose OS is changed.",
        "要切换操作系统的云服务器 ID。",
    ),
)
.required(None)
.checks(&[
    Check::error(Rule::PathSegment),
    Check::warning(
        Rule::Uuid,
        Text::new(
            "(ECS IDs are UUIDs in Huawei's API definition; the document gives no format.)",
            "（华为 API 定义中云服务器 ID 为 UUID，文档未给出格式。）",
        ),
    ),
])
.example("9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d");

pub const OS_CHANGE: Field = Field::new(
    "os-change",
    Location::Body,
    Kind::Object,
    Text::new("OS change", "切换操作系统"),
    Text::new("Changes the OS of an ECS.", "切换弹性云服务器操作系统。"),
)
.required(Some(INVALID))
.code(INVALID);

pub const KEYNAME: Field = Field::new(
    "os-change.keyname",
    Location::Body,
    Kind::String,
    Text::new("Key pair name", "密钥对名称"),
    Text::new(
        "SSH key pair for logging in after the change. Set either this or the password.",
        "切换后用于登录的 SSH 密钥对。与密码二选一。",
    ),
)
.code(INVALID)
.checks(&[Check::error(Rule::NoControl)])
.example("KeyPair-350b");

pub const USERID: Field = Field::new(
    "os-change.userid",
    Location::Body,
    Kind::String,
    Text::new("User ID", "用户 ID"),
    Text::new(
        "Owner of the key pair; used in preference when keyname is set. Blank: the user ID in the token.",
        "密钥对所属用户 ID，指定 keyname 时优先使用；为空时使用 token 中的用户 ID。",
    ),
)
.code(INVALID)
.checks(&[Check::error(Rule::NoControl)])
.example("7e25b1da389f4697a79df3a0e5bd494e");

pub const IMAGEID: Field = Field::new(
    "os-change.imageid",
    Location::Body,
    Kind::String,
    Text::new("Image ID", "镜像 ID"),
    Text::new("ID of the new image, a UUID.", "新镜像的 ID，UUID 格式。"),
)
.required(Some(INVALID))
.code(INVALID)
.checks(&[Check::error(Rule::Uuid)])
.example("e215580f-73ad-429d-b6f2-5433947433b0");

pub const METADATA: Field = Field::new(
    "os-change.metadata",
    Location::Body,
    Kind::Object,
    Text::new("Metadata", "元数据"),
    Text::new(
        "BYOL and system-disk encryption settings.",
        "BYOL 与系统盘加密设置。",
    ),
)
.code(INVALID);

pub const MODE: Field = Field::new(
    "os-change.mode",
    Location::Body,
    Kind::String,
    Text::new("Mode", "模式"),
    Text::new(
        "withStopServer: a running ECS is stopped automatically before the change.",
        "withStopServer：云服务器运行中时，系统先自动关机再切换。",
    ),
)
.code(INVALID)
.checks(&[Check::error(Rule::OneOf(&["withStopServer"]))]);

pub static FIELDS: [Field; 13] = [
    PROJECT_ID,
    SERVER_ID,
    OS_CHANGE,
    Field::new(
        "os-change.adminpass",
        Location::Body,
        Kind::String,
        Text::new("Administrator password", "管理员密码"),
        Text::new(
            "Password of root (Linux) or Administrator (Windows): 8–26 characters, at least three of upper-case, lower-case, digits and !@$%^-_=+[{}]:,./?~#* (~#* warned: not in the SDK). Windows: not the username, reversed, or any 3 consecutive characters of it. Set either this or keyname.",
            "root（Linux）或 Administrator（Windows）的密码：8–26 位，至少包含大写字母、小写字母、数字和特殊字符 !@$%^-_=+[{}]:,./?~#* 中的三种（~#* 会有警告：SDK 未列出）。Windows：不能包含用户名、其倒序或其中任意连续 3 个字符。与 keyname 二选一。",
        ),
    )
    .code(BAD_PASSWORD)
    .checks(&[Check::error(Rule::Password(&PASSWORD))])
    .secret()
    .generator(Generator::Password),
    KEYNAME,
    USERID,
    IMAGEID,
    Field::new(
        "os-change.isAutoPay",
        Location::Body,
        Kind::String,
        Text::new("Pay automatically", "自动支付"),
        Text::new(
            "\"true\": the order of a yearly/monthly ECS is paid automatically; \"false\" (default): manually.",
            "\"true\"：包年/包月云服务器的订单自动支付；\"false\"（默认）：手动支付。",
        ),
    )
    .code(INVALID)
    .string_bool()
    .checks(&[Check::error(Rule::OneOf(&["true", "false"]))]),
    METADATA,
    Field::new(
        "os-change.metadata.BYOL",
        Location::Body,
        Kind::String,
        Text::new("Bring your own license", "自带许可（BYOL）"),
        Text::new("Only \"true\": use your existing license. Other values are refused.", "仅可为 \"true\"：使用自有许可证。其他取值会报错。"),
    )
    .code(INVALID)
    .string_bool()
    .checks(&[Check::error(Rule::OneOf(&["true"]))]),
    Field::new(
        "os-change.metadata.__system__encrypted",
        Location::Body,
        Kind::String,
        Text::new("Encrypt system disk", "系统盘加密"),
        Text::new("\"1\": encrypt the system disk; \"0\" or absent: do not.", "\"1\"：加密系统盘；\"0\" 或不填：不加密。"),
    )
    .code(INVALID)
    .checks(&[Check::error(Rule::OneOf(&["0", "1"]))]),
    Field::new(
        "os-change.metadata.__system__cmkid",
        Location::Body,
        Kind::String,
        Text::new("KMS key (CMK) ID", "加密密钥（CMK）ID"),
        Text::new(
            "CMK ID for the encrypted system disk, 36 characters; only with __system__encrypted = \"1\".",
            "系统盘加密使用的 CMK ID，固定 36 个字符；需与 __system__encrypted = \"1\" 一起使用。",
        ),
    )
    .code(INVALID)
    // Length from huaweicloudsdkecs ChangeSeversOsMetadataWithoutCloudInitOption and
    // the API Explorer definition ("cmkid长度固定为36个字节"): 36 bytes, so
    // 36 ASCII characters.
    .checks(&[Check::error(Rule::ExactLength(36)), Check::error(Rule::Ascii)])
    .example("83cdb52d-9ebf-4469-9cfa-e7b5b80da846"),
    MODE,
];

/// The password / key-pair rules shared with the server's own wording.
fn cross(v: &Values<'_>, options: &Options, report: &mut Report) {
    let (pass, key) = (
        v.is_set("os-change.adminpass"),
        v.is_set("os-change.keyname"),
    );
    // S000: "Either adminpass or keyname is empty. Either adminpass or keyname is set."
    // The SDK only says "not both empty" (RULES C-H3); the seed wins.
    if pass == key {
        report.error(
            "os-change.adminpass",
            "exclusive",
            Some(INVALID),
            Msg::ExactlyOne {
                a: "adminpass",
                b: "keyname",
            },
        );
    }
    userid_needs_keyname(v, report);
    if v.is_set("os-change.keyname") && !v.is_set("os-change.userid") {
        // RULES C-H2: S000 says blank means the token's user; the SDK
        // documentation calls userid mandatory with keyname. The code the
        // server would answer if the SDK documentation is right.
        report.warning(
            "os-change.userid",
            "recommended",
            Some(INVALID),
            Msg::Text(Text::new(
                "Not set: the user ID in the token is used. The SDK documentation calls userid mandatory when keyname is used.",
                "未设置：将使用 token 中的用户 ID。SDK 文档称使用 keyname 时 userid 为必填。",
            )),
        );
    }
    cross_encryption(v, report);
    if options.os == Some(Os::Windows) {
        // S000: "You can only log in to a Windows ECS using a username and password".
        if key {
            report.error(
                "os-change.keyname",
                "windows_key_pair",
                Some(INVALID),
                Msg::Text(Text::new(
                    "Windows ECSs are logged in to with a username and password only: set adminpass instead of keyname.",
                    "Windows 云服务器只能使用用户名和密码登录：请设置 adminpass，而不是 keyname。",
                )),
            );
        }
        report.warning(
            "os-change.imageid",
            "windows_unsupported",
            None,
            Msg::Text(Text::new(
                "Huawei Cloud no longer provides Windows images: this API cannot change an ECS OS to Windows.",
                "华为云已不再提供 Windows 镜像：本接口不能将云服务器切换为 Windows 系统。",
            )),
        );
    }
}

/// `userid` is used with `keyname` (S000); the SDK calls it mandatory then (RULES C-H2).
/// userid is only used with keyname (S000 HX5, S001 OX2).
pub(crate) fn userid_needs_keyname(v: &Values<'_>, report: &mut Report) {
    if v.is_set("os-change.userid") && !v.is_set("os-change.keyname") {
        report.warning(
            "os-change.userid",
            "ignored",
            None,
            Msg::Ignored {
                because: Text::new("keyname is not set", "未设置 keyname "),
            },
        );
    }
}

fn cross_encryption(v: &Values<'_>, report: &mut Report) {
    const CMK: &str = "os-change.metadata.__system__cmkid";
    if !v.is_set(CMK) {
        return;
    }
    match v.str("os-change.metadata.__system__encrypted") {
        None if !v.is_set("os-change.metadata.__system__encrypted") => report.error(
            CMK,
            "requires",
            Some(INVALID),
            Msg::RequiresPresent {
                other: "__system__encrypted",
            },
        ),
        // Contradictory but not documented as an error (RULES HX4): a
        // warning, with the code of its sibling error above.
        Some("0") => report.warning(
            CMK,
            "requires",
            Some(INVALID),
            Msg::Requires {
                other: "__system__encrypted",
                value: "\"1\"",
            },
        ),
        _ => {}
    }
}

/// The request `huaweicloudsdkecs` sends for ChangeServerOsWithoutCloudInit
/// (ecs_client.py, client.py; see tests/vectors/requests/huaweicloud.json):
/// the body is the SDK's `json.dumps` of its model, members in model order,
/// ", " / ": " separators, non-ASCII escaped. Shared with Open Telekom Cloud,
/// whose table simply lets fewer members through.
pub(crate) fn build_changeos(v: &Values<'_>, _target: &Target<'_>) -> Draft {
    let member = |name: &str| v.str(name).map(py_json_string);
    let pick = |names: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
        names
            .iter()
            .filter_map(|(key, name)| member(name).map(|text| (*key, text)))
            .collect()
    };
    // The models' `openapi_types` order (ChangeServerOsWithoutCloudInitOption,
    // ChangeSeversOsMetadataWithoutCloudInitOption): requests/*-every-member.json.
    let metadata = pick(&[
        (
            "__system__encrypted",
            "os-change.metadata.__system__encrypted",
        ),
        ("__system__cmkid", "os-change.metadata.__system__cmkid"),
        ("BYOL", "os-change.metadata.BYOL"),
    ]);
    let mut os_change = pick(&[
        ("adminpass", "os-change.adminpass"),
        ("keyname", "os-change.keyname"),
        ("userid", "os-change.userid"),
        ("imageid", "os-change.imageid"),
        ("mode", "os-change.mode"),
    ]);
    if !metadata.is_empty() {
        os_change.push(("metadata", py_json_object(&metadata)));
    }
    os_change.extend(pick(&[("isAutoPay", "os-change.isAutoPay")]));
    let project_id = v.str("project_id").unwrap_or_default();
    let server_id = v.str("server_id").unwrap_or_default();
    Draft {
        method: "POST",
        path: [
            "/v1/",
            &encode::rfc3986(project_id),
            "/cloudservers/",
            &encode::rfc3986(server_id),
            "/changeos",
        ]
        .concat(),
        query: Vec::new(),
        headers: vec![
            (
                "Content-Type".into(),
                "application/json;charset=utf-8".into(),
            ),
            // huaweicloudsdkcore's BasicCredentials adds the project to every request.
            ("X-Project-Id".into(), project_id.to_string()),
        ],
        body: py_json_object(&[("os-change", py_json_object(&os_change))]),
        service: None,
    }
}

pub static PRECONDITIONS: [Text; 6] = [
    Text::new("The ECS must have a system disk.", "云服务器必须有系统盘。"),
    Text::new(
        "No other operation may run on the ECS during the change.",
        "切换期间不能对云服务器进行其他操作。",
    ),
    Text::new(
        "The ECS must be stopped (or a previous change failed), unless mode is withStopServer.",
        "云服务器必须处于关机状态（或上次切换失败），除非 mode 为 withStopServer。",
    ),
    Text::new(
        "The image must exist, be active, and have no Cloud-Init (else use the v2 API).",
        "镜像必须存在且为正常状态，且未安装 Cloud-Init（否则使用 v2 接口）。",
    ),
    Text::new(
        "The key pair and the KMS key must exist and be usable.",
        "密钥对和 KMS 密钥必须存在且可用。",
    ),
    Text::new(
        "isAutoPay only matters for yearly/monthly ECSs.",
        "isAutoPay 只对包年/包月云服务器有效。",
    ),
];

pub static PROVIDER: Provider = Provider {
    id: "huaweicloud",
    name: Text::new("Huawei Cloud ECS", "华为云 弹性云服务器 ECS"),
    region: Region {
        required: true,
        example: "cn-north-4",
        endpoint: "https://ecs.{region}.myhuaweicloud.com",
        hosts: &[],
    },
    operations: &[&CHANGE_OS_WITHOUT_CLOUD_INIT],
};

/// ChangeServerOsWithoutCloudInit (v1): POST /v1/{project_id}/cloudservers/{server_id}/changeos
pub static CHANGE_OS_WITHOUT_CLOUD_INIT: Operation = Operation {
    name: "ChangeServerOsWithoutCloudInit",
    version: "v1",
    method: "POST",
    path: "/v1/{project_id}/cloudservers/{server_id}/changeos",
    docs: "https://support.huaweicloud.com/intl/en-us/api-ecs/ecs_02_0303.html",
    schemes: &[Scheme::HuaweiSdkHmacSha256],
    fixed: &[],
    fields: &FIELDS,
    malformed_code: Some(INVALID),
    cross,
    build: build_changeos,
    description: Description::new(
        &PRECONDITIONS,
        r#"{
  "project_id": "0b7a1d0d8a80f2f92fd9c00d6d3d4d84",
  "server_id": "9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d",
  "os-change": {
    "keyname": "KeyPair-350b",
    "userid": "7e25b1da389f4697a79df3a0e5bd494e",
    "imageid": "e215580f-73ad-429d-b6f2-5433947433b0",
    "metadata": {
      "__system__encrypted": "1",
      "__system__cmkid": "83cdb52d-9ebf-4469-9cfa-e7b5b80da846"
    }
  }
}"#,
    ),
};
