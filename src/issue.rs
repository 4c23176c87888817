//! What validation reports: one [`Issue`] per problem, with a stable rule id,
//! the provider's own error code where its document gives one, and a message
//! in English or Chinese. Messages name the rule that failed, never the value.

use core::fmt::Write as _;

use serde_json::{Map, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    #[default]
    En,
    Zh,
}

impl Locale {
    /// `zh`, `zh-CN`, `zh_Hans`… are Chinese; anything else is English.
    pub fn parse(tag: &str) -> Locale {
        let lower = tag.trim().to_ascii_lowercase();
        if lower == "zh" || lower.starts_with("zh-") || lower.starts_with("zh_") {
            Locale::Zh
        } else {
            Locale::En
        }
    }
}

/// A text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Text {
    pub const fn new(en: &'static str, zh: &'static str) -> Text {
        Text { en, zh }
    }

    pub fn get(self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.en,
            Locale::Zh => self.zh,
        }
    }

    pub fn to_json(self) -> Value {
        let mut m = Map::new();
        m.insert("en".into(), Value::from(self.en));
        m.insert("zh".into(), Value::from(self.zh));
        Value::Object(m)
    }
}

/// One problem found in a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// The documented parameter name as the API spells it (`os-change.adminpass`, `KeyId.2`).
    pub field: String,
    /// A stable rule id (`password.length`, `exclusive`, …).
    pub rule: &'static str,
    /// The provider's own error code for this violation, where documented.
    pub code: Option<&'static str>,
    pub severity: Severity,
    pub message: String,
}

impl Issue {
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("field".into(), Value::from(self.field.as_str()));
        m.insert("rule".into(), Value::from(self.rule));
        m.insert("code".into(), self.code.map_or(Value::Null, Value::from));
        m.insert("severity".into(), Value::from(self.severity.as_str()));
        m.insert("message".into(), Value::from(self.message.as_str()));
        Value::Object(m)
    }
}

/// The JSON type names used in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeName {
    String,
    Integer,
    Boolean,
    Object,
    List,
}

impl TypeName {
    fn text(self) -> Text {
        match self {
            TypeName::String => Text::new("a string", "字符串"),
            TypeName::Integer => Text::new("an integer", "整数"),
            TypeName::Boolean => Text::new("a boolean (true or false)", "布尔值（true 或 false）"),
            TypeName::Object => Text::new("an object", "对象"),
            TypeName::List => Text::new("a list", "列表"),
        }
    }
}

/// Every message the validator can say. Rendering is the only place that
/// knows the wording, so both languages stay side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    NotAnObject,
    TooLarge {
        limit: usize,
    },
    TooDeep,
    Unreadable,
    TooMany {
        limit: usize,
    },
    Duplicate,
    Required,
    WrongType {
        expected: TypeName,
    },
    /// A JSON boolean given where the API takes the strings "true"/"false".
    BooleanAsString,
    Length {
        min: usize,
        max: usize,
        actual: usize,
    },
    MaxLength {
        max: usize,
        actual: usize,
    },
    ExactLength {
        len: usize,
        actual: usize,
    },
    Minimum {
        min: i64,
    },
    Maximum {
        max: i64,
    },
    Enum {
        allowed: &'static [&'static str],
    },
    Uuid,
    UuidLowercase,
    Base64,
    Ascii,
    PathSegment,
    Printable,
    PasswordLength {
        min: usize,
        max: usize,
        actual: usize,
    },
    PasswordClassesAtLeast {
        need: usize,
        specials: &'static str,
    },
    PasswordClassesAll,
    PasswordChars {
        specials: &'static str,
    },
    PasswordDisputedChars {
        chars: &'static str,
        source: &'static str,
    },
    PasswordNonVisible,
    PasswordOutsideVisible,
    PasswordUsername {
        username: String,
    },
    PasswordPrefix {
        prefix: &'static str,
        windows_only: bool,
    },
    ListIndex,
    ListGap,
    ListMaxItems {
        max: usize,
    },
    ListDuplicate,
    Unknown {
        suggestion: Option<&'static str>,
    },
    NotSupportedHere {
        provider: &'static str,
    },
    Deprecated {
        instead: Option<&'static str>,
    },
    NotPublic,
    ExactlyOne {
        a: &'static str,
        b: &'static str,
    },
    BothSet {
        a: &'static str,
        b: &'static str,
    },
    NeitherSet {
        a: &'static str,
        b: &'static str,
    },
    Requires {
        other: &'static str,
        value: &'static str,
    },
    RequiresPresent {
        other: &'static str,
    },
    Ignored {
        because: &'static str,
    },
    /// A provider-specific sentence.
    Text(Text),
}

impl Msg {
    pub fn render(&self, locale: Locale) -> String {
        let zh = locale == Locale::Zh;
        let mut s = String::new();
        // `write!` into a String cannot fail; the results are ignored on purpose.
        let _ = match self {
            Msg::NotAnObject => write!(
                s,
                "{}",
                if zh {
                    "参数必须是一个 JSON 对象。"
                } else {
                    "Parameters must be a JSON object."
                }
            ),
            Msg::TooLarge { limit } => {
                if zh {
                    write!(s, "输入过大（上限 {limit} 字节），未做检查。")
                } else {
                    write!(
                        s,
                        "Input is too large (limit {limit} bytes); it was not checked."
                    )
                }
            }
            Msg::Unreadable => write!(
                s,
                "{}",
                if zh {
                    "无法读取参数：不是合法的 JSON 值（例如循环引用、BigInt 或嵌套过深）。"
                } else {
                    "Parameters could not be read: not a plain JSON value (cyclic, BigInt, or nested too deeply)."
                }
            ),
            Msg::TooDeep => write!(
                s,
                "{}",
                if zh {
                    "嵌套层级过深。"
                } else {
                    "Nested too deeply."
                }
            ),
            Msg::TooMany { limit } => {
                if zh {
                    write!(s, "参数过多（上限 {limit} 个），其余未检查。")
                } else {
                    write!(
                        s,
                        "Too many parameters (limit {limit}); the rest was not checked."
                    )
                }
            }
            Msg::Duplicate => write!(
                s,
                "{}",
                if zh {
                    "该参数被给出了两次（扁平写法与嵌套写法同时出现）。"
                } else {
                    "Given twice (both flat and nested); give it once."
                }
            ),
            Msg::Required => write!(
                s,
                "{}",
                if zh {
                    "必填参数，不能为空。"
                } else {
                    "Required; must not be empty."
                }
            ),
            Msg::WrongType { expected } => {
                if zh {
                    write!(s, "类型错误：应为{}。", expected.text().zh)
                } else {
                    write!(s, "Wrong type: must be {}.", expected.text().en)
                }
            }
            Msg::BooleanAsString => write!(
                s,
                "{}",
                if zh {
                    "该参数是字符串类型：请写 \"true\" 或 \"false\"（带引号）。"
                } else {
                    "This parameter is a string: write \"true\" or \"false\" in quotes."
                }
            ),
            Msg::Length { min, max, actual } => {
                if zh {
                    write!(s, "长度必须为 {min}–{max} 个字符（当前 {actual} 个）。")
                } else {
                    write!(s, "Must be {min} to {max} characters long (now {actual}).")
                }
            }
            Msg::MaxLength { max, actual } => {
                if zh {
                    write!(s, "长度不能超过 {max} 个字符（当前 {actual} 个）。")
                } else {
                    write!(s, "Must be at most {max} characters long (now {actual}).")
                }
            }
            Msg::ExactLength { len, actual } => {
                if zh {
                    write!(s, "长度必须正好为 {len} 个字符（当前 {actual} 个）。")
                } else {
                    write!(s, "Must be exactly {len} characters long (now {actual}).")
                }
            }
            Msg::Minimum { min } => {
                if zh {
                    write!(s, "不能小于 {min}。")
                } else {
                    write!(s, "Must be at least {min}.")
                }
            }
            Msg::Maximum { max } => {
                if zh {
                    write!(s, "不能大于 {max}。")
                } else {
                    write!(s, "Must be at most {max}.")
                }
            }
            Msg::Enum { allowed } => {
                if zh {
                    write!(s, "取值只能是：{}。", allowed.join("、"))
                } else {
                    write!(s, "Must be one of: {}.", allowed.join(", "))
                }
            }
            Msg::Uuid => write!(
                s,
                "{}",
                if zh {
                    "必须是 UUID 格式（8-4-4-4-12 位十六进制）。"
                } else {
                    "Must be a UUID (8-4-4-4-12 hexadecimal digits)."
                }
            ),
            Msg::UuidLowercase => write!(
                s,
                "{}",
                if zh {
                    "必须是标准 UUID 格式，十六进制字母小写：^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$。"
                } else {
                    "Must be a UUID in lower case, as ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$."
                }
            ),
            Msg::Base64 => write!(
                s,
                "{}",
                if zh {
                    "必须是 Base64 编码。"
                } else {
                    "Must be Base64-encoded."
                }
            ),
            Msg::Ascii => write!(
                s,
                "{}",
                if zh {
                    "只能包含 ASCII 字符。"
                } else {
                    "May contain ASCII characters only."
                }
            ),
            Msg::PathSegment => write!(
                s,
                "{}",
                if zh {
                    "用作 URL 路径的一段：不能包含 /、?、#、空白或控制字符。"
                } else {
                    "Used as a URL path segment: must not contain /, ?, #, whitespace or control characters."
                }
            ),
            Msg::Printable => write!(
                s,
                "{}",
                if zh {
                    "不能包含控制字符。"
                } else {
                    "Must not contain control characters."
                }
            ),
            Msg::PasswordLength { min, max, actual } => {
                if zh {
                    write!(s, "密码长度必须为 {min}–{max} 个字符（当前 {actual} 个）。")
                } else {
                    write!(
                        s,
                        "The password must be {min} to {max} characters long (now {actual})."
                    )
                }
            }
            Msg::PasswordClassesAtLeast { need, specials } => {
                if zh {
                    write!(s, "密码必须至少包含以下 {need} 类字符：大写字母、小写字母、数字、特殊字符（{specials}）。")
                } else {
                    write!(s, "The password must contain at least {need} of: upper-case letters, lower-case letters, digits, special characters ({specials}).")
                }
            }
            Msg::PasswordClassesAll => write!(
                s,
                "{}",
                if zh {
                    "密码必须同时包含大写字母、小写字母和数字。"
                } else {
                    "The password must contain upper-case letters, lower-case letters and digits."
                }
            ),
            Msg::PasswordChars { specials } => {
                if zh {
                    write!(s, "密码只能包含大小写字母、数字和这些特殊字符：{specials}")
                } else {
                    write!(s, "The password may contain only letters, digits and these special characters: {specials}")
                }
            }
            Msg::PasswordDisputedChars { chars, source } => {
                if zh {
                    write!(
                        s,
                        "密码使用了 {chars} 中的字符：接口文档允许，但{source}未列出，可能被拒绝。"
                    )
                } else {
                    write!(s, "The password uses one of {chars}: the API document allows them, but {source} does not list them; it may be refused.")
                }
            }
            Msg::PasswordNonVisible => write!(
                s,
                "{}",
                if zh {
                    "密码不能包含控制字符（只支持可见字符）。"
                } else {
                    "The password must not contain control characters (only visible characters are supported)."
                }
            ),
            Msg::PasswordOutsideVisible => write!(
                s,
                "{}",
                if zh {
                    "密码包含空格或非 ASCII 字符：文档只说明支持可见字符，可能被拒绝。"
                } else {
                    "The password contains a space or a non-ASCII character: the document only says visible characters are supported; it may be refused."
                }
            ),
            Msg::PasswordUsername { username } => {
                if zh {
                    write!(s, "Windows 密码不能包含用户名 {username}、其倒序，或其中连续 3 个及以上的字符。")
                } else {
                    write!(s, "A Windows password must not contain the username {username}, the username reversed, or more than two consecutive characters of it.")
                }
            }
            Msg::PasswordPrefix {
                prefix,
                windows_only,
            } => match (zh, windows_only) {
                (true, true) => write!(s, "Windows 实例的密码不能以 {prefix} 开头。"),
                (true, false) => write!(s, "密码不能以 {prefix} 开头。"),
                (false, true) => write!(s, "A Windows password must not start with {prefix}."),
                (false, false) => write!(s, "The password must not start with {prefix}."),
            },
            Msg::ListIndex => write!(
                s,
                "{}",
                if zh {
                    "列表序号必须是从 1 开始的正整数。"
                } else {
                    "List positions must be positive integers starting at 1."
                }
            ),
            Msg::ListGap => write!(
                s,
                "{}",
                if zh {
                    "列表序号必须从 1 开始连续编号。"
                } else {
                    "List positions must be consecutive from 1."
                }
            ),
            Msg::ListMaxItems { max } => {
                if zh {
                    write!(s, "最多 {max} 项。")
                } else {
                    write!(s, "At most {max} items.")
                }
            }
            Msg::ListDuplicate => write!(
                s,
                "{}",
                if zh {
                    "列表中有重复的值。"
                } else {
                    "The list repeats a value."
                }
            ),
            Msg::Unknown {
                suggestion: Some(name),
            } => {
                if zh {
                    write!(s, "不是本接口的参数。是否想写 {name}？")
                } else {
                    write!(s, "Not a parameter of this API. Did you mean {name}?")
                }
            }
            Msg::Unknown { suggestion: None } => write!(
                s,
                "{}",
                if zh {
                    "不是本接口的参数，会被忽略或拒绝。"
                } else {
                    "Not a parameter of this API; it will be ignored or refused."
                }
            ),
            Msg::NotSupportedHere { provider } => {
                if zh {
                    write!(s, "{provider} 的本接口没有这个参数。")
                } else {
                    write!(s, "This API on {provider} has no such parameter.")
                }
            }
            Msg::Deprecated {
                instead: Some(name),
            } => {
                if zh {
                    write!(s, "该参数已废弃，请改用 {name}。")
                } else {
                    write!(s, "Deprecated; use {name} instead.")
                }
            }
            Msg::Deprecated { instead: None } => write!(
                s,
                "{}",
                if zh {
                    "该参数已废弃。"
                } else {
                    "Deprecated."
                }
            ),
            Msg::NotPublic => write!(
                s,
                "{}",
                if zh {
                    "该参数未对外开放。"
                } else {
                    "This parameter is not available for public use."
                }
            ),
            Msg::ExactlyOne { a, b } => {
                if zh {
                    write!(s, "{a} 和 {b} 必须且只能设置一个。")
                } else {
                    write!(s, "Set exactly one of {a} and {b}.")
                }
            }
            Msg::BothSet { a, b } => {
                if zh {
                    write!(s, "{a} 和 {b} 不能同时设置。")
                } else {
                    write!(s, "{a} and {b} cannot both be set.")
                }
            }
            Msg::NeitherSet { a, b } => {
                if zh {
                    write!(s, "{a} 和 {b} 不能同时为空。")
                } else {
                    write!(s, "{a} and {b} cannot both be empty.")
                }
            }
            Msg::Requires { other, value } => {
                if zh {
                    write!(s, "只有 {other} 为 {value} 时才能设置。")
                } else {
                    write!(s, "Only allowed when {other} is {value}.")
                }
            }
            Msg::RequiresPresent { other } => {
                if zh {
                    write!(s, "必须与 {other} 一起使用。")
                } else {
                    write!(s, "Must be used together with {other}.")
                }
            }
            Msg::Ignored { because } => {
                if zh {
                    write!(s, "{because} 时该参数不生效。")
                } else {
                    write!(s, "Has no effect when {because}.")
                }
            }
            Msg::Text(text) => write!(s, "{}", text.get(locale)),
        };
        s
    }
}

/// Collects issues in one locale.
#[derive(Debug)]
pub struct Report {
    pub locale: Locale,
    pub issues: Vec<Issue>,
}

impl Report {
    pub fn new(locale: Locale) -> Report {
        Report {
            locale,
            issues: Vec::new(),
        }
    }

    pub fn push(
        &mut self,
        severity: Severity,
        field: &str,
        rule: &'static str,
        code: Option<&'static str>,
        msg: Msg,
    ) {
        let message = msg.render(self.locale);
        self.issues.push(Issue {
            field: field.to_string(),
            rule,
            code,
            severity,
            message,
        });
    }

    pub fn error(&mut self, field: &str, rule: &'static str, code: Option<&'static str>, msg: Msg) {
        self.push(Severity::Error, field, rule, code, msg);
    }

    pub fn warning(
        &mut self,
        field: &str,
        rule: &'static str,
        code: Option<&'static str>,
        msg: Msg,
    ) {
        self.push(Severity::Warning, field, rule, code, msg);
    }

    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    pub fn has_error_on(&self, field: &str) -> bool {
        self.issues
            .iter()
            .any(|i| i.severity == Severity::Error && i.field == field)
    }
}
