//! Kingsoft Cloud KEC — ModifyInstanceImage, Version 2016-03-04 (seed 002,
//! S002). Query/form parameters, SigV4 with service `kec`. Rules the seed
//! lost are filled from the Kingsoft Terraform provider and reported as
//! warnings, since the API document does not state them (RULES §3).

use crate::issue::{Msg, Report, Text};
use crate::options::Options;
use crate::rules::password::{Classes, Others, PasswordPolicy};
use crate::schema::draft::rpc_params;
use crate::schema::Values;
use crate::schema::{Check, Field, Generator, Kind, Location, Rule};
use crate::schema::{Description, Operation, Provider, Region};
use crate::schema::{Draft, Target};
use crate::signing::Scheme;

/// S002: "最短8字符,最长32字符,必须包含大小写英文字符和数字,支持其他可见字符".
pub static PASSWORD: PasswordPolicy = PasswordPolicy {
    min: 8,
    max: 32,
    specials: "",
    disputed: "",
    disputed_why: Text::new("", ""),
    classes: Classes::UpperLowerDigit,
    others: Others::VisibleAscii,
    forbidden_prefixes: &[],
    windows_username_rule: false,
};

const TF_NOTE: Text = Text::new(
    "(Limit from Kingsoft's Terraform provider; the API document does not state it.)",
    "（该限制来自金山云 Terraform Provider，接口文档未说明。）",
);

/// Disk types Kingsoft's Terraform provider accepts for the system disk.
pub const DISK_TYPES: &[&str] = &[
    "SSD3.0",
    "EHDD",
    "Local_SSD",
    "ESSD_PL0",
    "ESSD_PL1",
    "ESSD_PL2",
    "ESSD_Entry",
    "ESSD_AutoPL",
    "ESSD_SYSTEM_PL0",
    "ESSD_SYSTEM_PL1",
    "ESSD_SYSTEM_PL2",
    "ESSD_SYSTEM_Entry",
    "ESSD_SYSTEM_AutoPL",
];

pub static FIELDS: [Field; 9] = [
    Field::new(
        "InstanceId",
        Location::Query,
        Kind::String,
        Text::new("Instance ID", "实例 ID"),
        Text::new("The instance to reinstall: a lower-case UUID.", "待更换或重装操作系统的实例 ID，标准 UUID 格式（小写）。"),
    )
    .required(None)
    .checks(&[Check::error(Rule::UuidLowercase)])
    .example("98284100-f6d1-4bbf-886a-1b0765024738"),
    Field::new(
        "ImageId",
        Location::Query,
        Kind::String,
        Text::new("Image ID", "镜像 ID"),
        Text::new(
            "The new image, a lower-case UUID. Absent: reinstall the current image.",
            "待更换的镜像 ID，标准 UUID 格式（小写）；不填表示不换镜像，只重装系统。",
        ),
    )
    .code("ImageIdInvalidParameterValue")
    .checks(&[Check::error(Rule::UuidLowercase)])
    .example("8f12ad9e-ae9a-44b9-95f3-c4e65ce582e2"),
    Field::new(
        "SystemDisk.DiskSize",
        Location::Query,
        Kind::Integer,
        Text::new("System disk size (GB)", "系统盘大小（GB）"),
        Text::new(
            "New system disk size; only general-purpose N2/N3 instances support it. Absent: the default.",
            "系统盘大小；仅通用型 N2、N3 主机支持更换系统时指定。不填按系统默认值分配。",
        ),
    )
    .code("RootDiskGbInvalidParameterValue")
    .checks(&[
        Check::error(Rule::Minimum(1)),
        Check::warning(Rule::Minimum(20), TF_NOTE),
        Check::warning(Rule::Maximum(500), TF_NOTE),
    ]),
    Field::new(
        "SystemDisk.DiskType",
        Location::Query,
        Kind::String,
        Text::new("System disk type", "系统盘类型"),
        Text::new(
            "Absent: the first type of the price configuration. Do not guess a default.",
            "不传则按价格体系配置中的第一个类型创建，不能给默认值。",
        ),
    )
    .checks(&[Check::warning(Rule::OneOf(DISK_TYPES), TF_NOTE)]),
    Field::new(
        "SystemDisk.ResizeType",
        Location::Query,
        Kind::String,
        Text::new("Resize type", "扩容方式"),
        Text::new("offline or online resizing.", "offline 离线扩容 | online 在线扩容。"),
    )
    .checks(&[Check::error(Rule::OneOf(&["offline", "online"]))]),
    Field::new(
        "InstancePassword",
        Location::Query,
        Kind::String,
        Text::new("Instance password", "实例开机密码"),
        Text::new(
            "8–32 characters with upper-case, lower-case and digits; other visible characters allowed. Give this or KeepImageLogin=true.",
            "最短 8 字符，最长 32 字符，必须包含大小写英文字符和数字，支持其他可见字符。与 KeepImageLogin 必须填写一个。",
        ),
    )
    .checks(&[Check::error(Rule::Password(&PASSWORD))])
    .secret()
    .generator(Generator::Password)
    .example("1qaQ!abc"),
    Field::new(
        "KeyId.N",
        Location::Query,
        Kind::String,
        Text::new("Key pair IDs", "密钥 ID"),
        Text::new("SSH key IDs, at most 10 per instance.", "SSH 密钥 ID，每台云服务器最多 10 个。"),
    )
    .code("KeyIdInvalidParameterValue")
    .checks(&[
        Check::error(Rule::NoControl),
        Check::error(Rule::MaxItems(10)).code("InvalidParameter.InstanceKeyLimitExceeded"),
        // Not a documented rule: a repeat is most likely a slip, not an error.
        Check::hint(
            Rule::Distinct,
            Text::new(
                "The same key is given more than once; it is bound once.",
                "同一密钥被给出多次，只会绑定一次。",
            ),
        ),
    ])
    .example("552a0523-b9b4-4868-b8d9-52ad7a38bf89"),
    Field::new(
        "KeepImageLogin",
        Location::Query,
        Kind::Boolean,
        Text::new("Keep image login", "保留镜像登录设置"),
        Text::new(
            "Keep the login settings of a custom image; true makes InstancePassword ineffective.",
            "保留镜像设置的登录方式（仅对自定义镜像有效）；为 true 时 InstancePassword 无效。",
        ),
    ),
    Field::new(
        "UserData",
        Location::Query,
        Kind::String,
        Text::new("User data", "自定义数据"),
        Text::new("Custom data for cloud-init, Base64-encoded.", "用户自定义数据，必须是 Base64 编码。"),
    )
    .checks(&[Check::error(Rule::Base64), Check::warning(Rule::MaxLength(16 * 1024), TF_NOTE)]),
];

fn cross(v: &Values<'_>, _options: &Options, report: &mut Report) {
    let password = v.is_set("InstancePassword");
    let keep = v.is_true("KeepImageLogin");
    let keys = v.is_set("KeyId.N");
    // S002: "该参数与InstancePassword必须填写一个". With keys only the literal text
    // still asks for one of the two, though key login usually suffices (RULES C-K1).
    if !password && !keep {
        if keys {
            report.warning(
                "InstancePassword",
                "one_of",
                None,
                Msg::Text(Text::new(
                    "The document asks for InstancePassword or KeepImageLogin=true even when KeyId.N is given.",
                    "文档要求 InstancePassword 与 KeepImageLogin=true 必须填写一个，即使已指定 KeyId.N。",
                )),
            );
        } else {
            report.error(
                "InstancePassword",
                "one_of",
                None,
                Msg::Text(Text::new(
                    "Give InstancePassword, or set KeepImageLogin to true.",
                    "请填写 InstancePassword，或将 KeepImageLogin 设为 true。",
                )),
            );
        }
    }
    if password && keep {
        report.warning(
            "InstancePassword",
            "ignored",
            None,
            Msg::Ignored {
                because: Text::new("KeepImageLogin is true", "KeepImageLogin 为 true "),
            },
        );
    }
}

/// The request as `ksc-sdk-python` (kscore) sends it: a GET with `Action`,
/// `Version` and the parameters in the query, and the `Accept`, `X-Action`,
/// `X-Version` headers it signs (tests/vectors/requests/ksyun.json). Lists
/// go as `KeyId.1`, `KeyId.2` as the document names them (kscore itself has
/// no shape for them and would repeat `KeyId=`). No `User-Agent`: browsers
/// refuse to set it, and a signed one they cannot send breaks the signature.
fn build(v: &Values<'_>, _target: &Target<'_>) -> Draft {
    let mut query = vec![
        ("Action".to_string(), "ModifyInstanceImage".to_string()),
        ("Version".to_string(), "2016-03-04".to_string()),
    ];
    query.extend(rpc_params(&MODIFY_INSTANCE_IMAGE, v));
    Draft {
        method: "GET",
        path: "/".into(),
        query,
        headers: vec![
            ("Accept".into(), "application/json".into()),
            ("X-Action".into(), "ModifyInstanceImage".into()),
            ("X-Version".into(), "2016-03-04".into()),
        ],
        body: String::new(),
        service: Some("kec"),
    }
}

pub static PRECONDITIONS: [Text; 7] = [
    Text::new("The instance must be stopped.", "实例必须处于关闭状态。"),
    Text::new(
        "Spot instances cannot be reinstalled.",
        "竞价实例不支持该操作。",
    ),
    Text::new(
        "The image must be in the instance's zone; local images need an SSD3.0 system disk.",
        "镜像必须在实例所在可用区；本地镜像仅支持系统盘为 SSD3.0 的实例。",
    ),
    Text::new(
        "Images containing data-disk snapshots cannot be used.",
        "不支持包含数据盘快照的镜像。",
    ),
    Text::new(
        "The image must support key login when KeyId.N is given (Rocky Linux: RSA-2048 keys only).",
        "指定 KeyId.N 时镜像必须支持密钥登录（Rocky Linux 仅支持 RSA 2048 位密钥）。",
    ),
    Text::new(
        "SystemDisk.DiskSize only on general-purpose N2/N3 instances.",
        "仅通用型 N2、N3 主机支持指定系统盘大小。",
    ),
    Text::new(
        "KeepImageLogin only takes effect with custom images.",
        "KeepImageLogin 只对自定义镜像有效。",
    ),
];

pub static PROVIDER: Provider = Provider {
    id: "ksyun",
    name: Text::new("Kingsoft Cloud KEC", "金山云 云服务器 KEC"),
    region: Region {
        required: true,
        example: "cn-beijing-6",
        endpoint: "https://kec.api.ksyun.com",
        hosts: &[],
    },
    operations: &[&MODIFY_INSTANCE_IMAGE],
};

/// ModifyInstanceImage (2016-03-04): GET /
pub static MODIFY_INSTANCE_IMAGE: Operation = Operation {
    name: "ModifyInstanceImage",
    version: "2016-03-04",
    method: "GET",
    path: "/",
    docs: "https://docs.ksyun.com/documents/1539",
    schemes: &[Scheme::AwsSigV4],
    fixed: &[("Action", "ModifyInstanceImage"), ("Version", "2016-03-04")],
    fields: &FIELDS,
    malformed_code: None,
    cross,
    build,
    description: Description::new(
        &PRECONDITIONS,
        r#"{
  "InstanceId": "98284100-f6d1-4bbf-886a-1b0765024738",
  "ImageId": "8f12ad9e-ae9a-44b9-95f3-c4e65ce582e2",
  "SystemDisk.DiskSize": 50,
  "InstancePassword": "1qaQ!abc",
  "KeyId.1": "552a0523-b9b4-4868-b8d9-52ad7a38bf89",
  "SystemDisk.ResizeType": "offline"
}"#,
    ),
};
