//! Open Telekom Cloud ECS — the same changeos API with its own table (seed 001,
//! S001): `keyname` mandatory, no `adminpass`, metadata carries only `BYOL`,
//! and a `BYOL` other than "true" simply means "not BYOL". Parameters the
//! Huawei table has and this one lacks are refused, not silently accepted.

use crate::issue::{Report, Text};
use crate::options::Options;
use crate::providers::huaweicloud::{self, INVALID};
use crate::schema::Values;
use crate::schema::{Check, Field, Kind, Location, Rule, Status};
use crate::schema::{Description, Operation, Provider, Region};
use crate::signing::Scheme;

/// A Huawei-only parameter: listed so that giving it is an error naming the reason.
const fn huawei_only(name: &'static str, label: Text) -> Field {
    Field::new(
        name,
        Location::Body,
        Kind::String,
        label,
        Text::new(
            "Not a parameter of this API on Open Telekom Cloud.",
            "Open Telekom Cloud 的本接口没有此参数。",
        ),
    )
    .code(INVALID)
    .status(Status::Unsupported)
}

pub static FIELDS: [Field; 13] = [
    huaweicloud::PROJECT_ID,
    huaweicloud::SERVER_ID,
    huaweicloud::OS_CHANGE,
    // Huawei's keyname row, mandatory here (S001 Table 3).
    huaweicloud::KEYNAME
        .required(Some(INVALID))
        .help(Text::new(
            "SSH key pair for logging in after the change (mandatory).",
            "切换后用于登录的 SSH 密钥对（必填）。",
        )),
    huaweicloud::USERID,
    huaweicloud::IMAGEID,
    huaweicloud::METADATA,
    Field::new(
        "os-change.metadata.BYOL",
        Location::Body,
        Kind::String,
        Text::new("Bring your own license", "自带许可（BYOL）"),
        Text::new(
            "\"true\": the license delivered with the image is used (BYOL). Any other value: the platform's license.",
            "\"true\"：使用镜像自带的许可证（BYOL）。其他取值：使用云平台提供的许可证。",
        ),
    )
    .code(INVALID)
    .string_bool()
    // S001 Table 4 (RULES O8, C-O1): not an error on OTC, unlike Huawei Cloud.
    .checks(&[Check::hint(
        Rule::OneOf(&["true"]),
        Text::new(
            "Not \"true\": BYOL is not used, the platform's license applies.",
            "取值不是 \"true\"：不使用 BYOL，使用云平台提供的许可证。",
        ),
    )]),
    huaweicloud::MODE,
    Field {
        secret: true,
        ..huawei_only("os-change.adminpass", Text::new("Administrator password", "管理员密码"))
    },
    huawei_only("os-change.isAutoPay", Text::new("Pay automatically", "自动支付")),
    Field::new(
        "os-change.metadata.__system__encrypted",
        Location::Body,
        Kind::String,
        Text::new("Encrypt system disk", "系统盘加密"),
        Text::new(
            "Not a parameter of this API on Open Telekom Cloud (only of the Cloud-Init variant).",
            "Open Telekom Cloud 的本接口没有此参数（仅 Cloud-Init 版本接口有）。",
        ),
    )
    .code(INVALID)
    .status(Status::Unsupported),
    huawei_only("os-change.metadata.__system__cmkid", Text::new("KMS key (CMK) ID", "加密密钥（CMK）ID")),
];

/// No "userid recommended" note here: S001 makes userid optional (blank: the
/// token's user), and RULES C-H2, the SDK documentation that calls it
/// mandatory with keyname, is Huawei's; OTC has no SDK for this call.
fn cross(v: &Values<'_>, _options: &Options, report: &mut Report) {
    huaweicloud::userid_needs_keyname(v, report);
}

pub static PRECONDITIONS: [Text; 4] = [
    Text::new("The ECS must have a system disk.", "云服务器必须有系统盘。"),
    Text::new(
        "No other operation may run on the ECS during the change.",
        "切换期间不能对云服务器进行其他操作。",
    ),
    Text::new(
        "The ECS must be stopped, unless mode is withStopServer.",
        "云服务器必须处于关机状态，除非 mode 为 withStopServer。",
    ),
    Text::new(
        "The image and the key pair must exist; the image must be active.",
        "镜像和密钥对必须存在，镜像必须为正常状态。",
    ),
];

pub static PROVIDER: Provider = Provider {
    id: "otc",
    name: Text::new("Open Telekom Cloud ECS", "Open Telekom Cloud 弹性云服务器"),
    region: Region {
        required: true,
        example: "eu-de",
        endpoint: "https://ecs.{region}.otc.t-systems.com",
        // The Swiss region (eu-ch2, the site of seed S001's documentation)
        // serves its APIs under `sc.otc.t-systems.com`, as its docs
        // (docs.sc.otc.t-systems.com) and IAM endpoint (iam-pub.eu-ch2.sc…) show.
        hosts: &[("eu-ch2", "ecs.eu-ch2.sc.otc.t-systems.com")],
    },
    operations: &[&CHANGE_OS_WITHOUT_CLOUD_INIT],
};

/// ChangeServerOsWithoutCloudInit (v1): POST /v1/{project_id}/cloudservers/{server_id}/changeos
pub static CHANGE_OS_WITHOUT_CLOUD_INIT: Operation = Operation {
    name: "ChangeServerOsWithoutCloudInit",
    version: "v1",
    method: "POST",
    path: "/v1/{project_id}/cloudservers/{server_id}/changeos",
    docs: "https://docs.otc.t-systems.com/elastic-cloud-server/api-ref/",
    schemes: &[Scheme::HuaweiSdkHmacSha256],
    fixed: &[],
    fields: &FIELDS,
    malformed_code: Some(INVALID),
    cross,
    build: huaweicloud::build_changeos,
    description: Description::new(
        &PRECONDITIONS,
        r#"{
  "project_id": "0b7a1d0d8a80f2f92fd9c00d6d3d4d84",
  "server_id": "9c2a2a44-9b1e-4bd8-9f9f-2f1e5a6b7c8d",
  "os-change": {
    "keyname": "KeyPair-350b",
    "userid": "7e25b1da389f4697a79df3a0e5bd494e",
    "imageid": "e215580f-73ad-429d-b6f2-5433947433b0",
    "mode": "withStopServer"
  }
}"#,
    ),
};
