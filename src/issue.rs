//! What validation reports: one [`Issue`] per problem, with a stable rule id,
//! the provider's own error code where its document gives one, and a message
//! in English or Chinese. Messages name the rule that failed, never the value.

use serde_json::{Map, Value};

use crate::util::json::push_decimal;

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

    /// Every locale, English first.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Zh];

    /// The short tag (`en`, `zh`), as file names and options spell it.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Zh => "zh",
        }
    }
}

/// English text → Chinese text, sorted by the English, as loaded from the
/// bundle (`locales/zh.json`); set once, then read for the program's life.
#[cfg(not(feature = "zh"))]
static CHINESE: std::sync::OnceLock<Vec<(&'static str, &'static str)>> = std::sync::OnceLock::new();

/// Installs the Chinese bundle (pairs of English and Chinese texts). The
/// first one stays: the texts are the same in every bundle of one build.
#[cfg(not(feature = "zh"))]
pub fn load_chinese(pairs: Vec<(String, String)>) {
    let mut texts: Vec<(&'static str, &'static str)> = pairs
        .into_iter()
        .map(|(en, zh)| (&*en.leak(), &*zh.leak()))
        .collect();
    crate::util::sort::sort_by(&mut texts, |a, b| a.0.cmp(b.0));
    let _ = CHINESE.set(texts);
}

/// Whether Chinese messages can be written: always with the `zh` feature,
/// else once the bundle is loaded.
pub fn has_chinese() -> bool {
    #[cfg(feature = "zh")]
    return true;
    #[cfg(not(feature = "zh"))]
    return CHINESE.get().is_some();
}

#[cfg(not(feature = "zh"))]
fn chinese_of(en: &str) -> Option<&'static str> {
    let texts = CHINESE.get()?;
    texts
        .binary_search_by(|(k, _)| (*k).cmp(en))
        .ok()
        .map(|i| texts[i].1)
}

/// `en` or its Chinese `cn`. Without the `zh` feature `cn` is never read
/// (the compiler drops it): the bundle gives the Chinese by the English text.
fn localized<'a>(locale: Locale, en: &'a str, cn: &'a str) -> &'a str {
    match locale {
        Locale::En => en,
        #[cfg(feature = "zh")]
        Locale::Zh => cn,
        #[cfg(not(feature = "zh"))]
        Locale::Zh => {
            let _ = cn;
            chinese_of(en).unwrap_or(en)
        }
    }
}

/// A text in both languages. With the `zh` feature both are built in;
/// without it (the browser package) only the English one is, and the Chinese
/// one comes from the bundle loaded at run time ([`load_chinese`]), found by
/// its English text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    #[cfg(feature = "zh")]
    pub zh: &'static str,
}

impl Text {
    pub const fn new(en: &'static str, zh: &'static str) -> Text {
        #[cfg(not(feature = "zh"))]
        let _ = zh;
        Text {
            en,
            #[cfg(feature = "zh")]
            zh,
        }
    }

    pub fn get(self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.en,
            Locale::Zh => self.chinese().unwrap_or(self.en),
        }
    }

    /// The Chinese text; `None` without the `zh` feature until the bundle is loaded.
    pub fn chinese(self) -> Option<&'static str> {
        #[cfg(feature = "zh")]
        return Some(self.zh);
        #[cfg(not(feature = "zh"))]
        return chinese_of(self.en);
    }

    pub fn to_json(self) -> Value {
        let mut m = Map::new();
        m.insert("en".into(), Value::from(self.en));
        if let Some(zh) = self.chinese() {
            m.insert("zh".into(), Value::from(zh));
        }
        Value::Object(m)
    }

    /// `{"en":…,"zh":…}` as JSON text (`zh` left out when not loaded).
    pub(crate) fn write_json(self, out: &mut String) {
        out.push_str("{\"en\":");
        crate::util::json::push_json_str(out, self.en);
        if let Some(zh) = self.chinese() {
            out.push_str(",\"zh\":");
            crate::util::json::push_json_str(out, zh);
        }
        out.push('}');
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
    /// No parameters reached Rust: the JS value could not be serialized.
    Unreadable,
    /// The parameters' JSON text does not parse.
    NotJson,
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
        /// Which sources list them and which do not.
        why: Text,
    },
    PasswordNonVisible,
    PasswordOutsideVisible,
    /// Never names the username: the password contains part of it.
    PasswordUsername,
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
        provider: Text,
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
    Requires {
        other: &'static str,
        value: &'static str,
    },
    RequiresPresent {
        other: &'static str,
    },
    Ignored {
        because: Text,
    },
    /// An integer beyond what a 64-bit integer holds (no API bound reaches it).
    IntegerRange,
    /// A provider-specific sentence.
    Text(Text),
}

/// A value put into a message.
#[derive(Clone, Copy)]
enum Arg<'a> {
    Str(&'a str),
    Int(i64),
    Count(usize),
    /// Characters shown one by one, a space apart (`" \`, not `"\`).
    Chars(&'a str),
}

/// `template` with each `\u{1}` replaced by the next of `args`, without
/// `core::fmt` (smaller WebAssembly).
fn fill(template: &str, args: &[Arg<'_>]) -> String {
    let mut s = String::with_capacity(template.len() + 32);
    let mut args = args.iter();
    for c in template.chars() {
        if c != '\u{1}' {
            s.push(c);
            continue;
        }
        match args.next() {
            Some(Arg::Str(a)) => s.push_str(a),
            Some(&Arg::Int(n)) => push_decimal(&mut s, n < 0, n.unsigned_abs()),
            Some(&Arg::Count(n)) => push_decimal(&mut s, false, n as u64),
            Some(Arg::Chars(a)) => {
                for (i, c) in a.chars().enumerate() {
                    if i > 0 {
                        s.push(' ');
                    }
                    s.push(c);
                }
            }
            None => {}
        }
    }
    s
}

fn n(v: usize) -> Arg<'static> {
    Arg::Count(v)
}

impl Msg {
    pub fn render(&self, locale: Locale) -> String {
        use Arg::Str;
        // Pieces in English and Chinese around the same values, in the same order.
        let (en, cn, args): (&str, &str, &[Arg<'_>]) = match self {
            Msg::NotAnObject => (
                "Parameters must be a JSON object.",
                "参数必须是一个 JSON 对象。",
                &[],
            ),
            Msg::TooLarge { limit } => (
                "Input is too large (limit \u{1} bytes); it was not checked.",
                "输入过大（上限 \u{1} 字节），未做检查。",
                &[n(*limit)],
            ),
            Msg::Unreadable => (
                "Parameters could not be read: not a plain JSON value (cyclic, BigInt, or nested too deeply).",
                "无法读取参数：不是合法的 JSON 值（例如循环引用、BigInt 或嵌套过深）。",
                &[],
            ),
            Msg::NotJson => (
                "Parameters could not be read: the text is not valid JSON (or nests deeper than 128 levels).",
                "无法读取参数：文本不是合法的 JSON（或嵌套超过 128 层）。",
                &[],
            ),
            Msg::TooDeep => (
                "Nested more than \u{1} levels deep, which no parameter of this API is; not read.",
                "嵌套超过 \u{1} 层，本接口没有这样的参数；未读取。",
                &[n(crate::util::limits::MAX_DEPTH)],
            ),
            Msg::TooMany { limit } => (
                "Too many parameters (limit \u{1}); the rest were not checked.",
                "参数过多（上限 \u{1} 个），其余未检查。",
                &[n(*limit)],
            ),
            Msg::Duplicate => (
                "Given more than once (the same name twice, or both flat and nested); give it once.",
                "该参数被给出了多次（同一名称出现两次，或扁平写法与嵌套写法同时出现），请只给出一次。",
                &[],
            ),
            Msg::Required => (
                "Required; must not be empty.",
                "必填参数，不能为空。",
                &[],
            ),
            Msg::WrongType { expected } => {
                let t = expected.text();
                (
                    "Wrong type: must be \u{1}.",
                    "类型错误：应为\u{1}。",
                    &[Str(t.get(locale))],
                )
            }
            Msg::BooleanAsString => (
                "This parameter is a string: write \"true\" or \"false\" in quotes.",
                "该参数是字符串类型：请写 \"true\" 或 \"false\"（带引号）。",
                &[],
            ),
            Msg::Length { min, max, actual } => (
                "Must be \u{1} to \u{1} characters long (now \u{1}).",
                "长度必须为 \u{1}–\u{1} 个字符（当前 \u{1} 个）。",
                &[n(*min), n(*max), n(*actual)],
            ),
            Msg::MaxLength { max, actual } => (
                "Must be at most \u{1} characters long (now \u{1}).",
                "长度不能超过 \u{1} 个字符（当前 \u{1} 个）。",
                &[n(*max), n(*actual)],
            ),
            Msg::ExactLength { len, actual } => (
                "Must be exactly \u{1} characters long (now \u{1}).",
                "长度必须正好为 \u{1} 个字符（当前 \u{1} 个）。",
                &[n(*len), n(*actual)],
            ),
            Msg::Minimum { min } => (
                "Must be at least \u{1}.",
                "不能小于 \u{1}。",
                &[Arg::Int(*min)],
            ),
            Msg::Maximum { max } => (
                "Must be at most \u{1}.",
                "不能大于 \u{1}。",
                &[Arg::Int(*max)],
            ),
            Msg::Enum { allowed } => {
                let sep = Text::new(", ", "、").get(locale);
                let mut list = String::new();
                for (i, a) in allowed.iter().enumerate() {
                    if i > 0 {
                        list.push_str(sep);
                    }
                    list.push_str(a);
                }
                let template = localized(locale, "Must be one of: \u{1}.", "取值只能是：\u{1}。");
                return fill(template, &[Str(&list)]);
            }
            Msg::Uuid => (
                "Must be a UUID (8-4-4-4-12 hexadecimal digits).",
                "必须是 UUID 格式（8-4-4-4-12 位十六进制）。",
                &[],
            ),
            Msg::UuidLowercase => (
                "Must be a UUID in lower case, as ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$.",
                "必须是标准 UUID 格式，十六进制字母小写：^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$。",
                &[],
            ),
            Msg::Base64 => ("Must be Base64-encoded.", "必须是 Base64 编码。", &[]),
            Msg::Ascii => (
                "May contain ASCII characters only.",
                "只能包含 ASCII 字符。",
                &[],
            ),
            Msg::PathSegment => (
                "Used as a URL path segment: must not be . or .., nor contain /, \\, ?, #, %, whitespace or control characters.",
                "用作 URL 路径的一段：不能是 . 或 ..，也不能包含 /、\\、?、#、%、空白或控制字符。",
                &[],
            ),
            Msg::Printable => (
                "Must not contain control characters.",
                "不能包含控制字符。",
                &[],
            ),
            Msg::PasswordLength { min, max, actual } => (
                "The password must be \u{1} to \u{1} characters long (now \u{1}).",
                "密码长度必须为 \u{1}–\u{1} 个字符（当前 \u{1} 个）。",
                &[n(*min), n(*max), n(*actual)],
            ),
            Msg::PasswordClassesAtLeast { need, specials } => (
                "The password must contain at least \u{1} of: upper-case letters, lower-case letters, digits, special characters (\u{1}).",
                "密码必须至少包含以下 \u{1} 类字符：大写字母、小写字母、数字、特殊字符（\u{1}）。",
                &[n(*need), Str(specials)],
            ),
            Msg::PasswordClassesAll => (
                "The password must contain upper-case letters, lower-case letters and digits.",
                "密码必须同时包含大写字母、小写字母和数字。",
                &[],
            ),
            Msg::PasswordChars { specials } => (
                "The password may contain only letters, digits and these special characters: \u{1}",
                "密码只能包含大小写字母、数字和这些特殊字符：\u{1}",
                &[Str(specials)],
            ),
            Msg::PasswordDisputedChars { chars, why } => (
                "The password uses one of \u{1}, which \u{1}: it may be refused.",
                "密码使用了 \u{1} 中的字符：\u{1}，可能被拒绝。",
                &[Arg::Chars(chars), Str(why.get(locale))],
            ),
            Msg::PasswordNonVisible => (
                "The password must not contain control characters (only visible characters are supported).",
                "密码不能包含控制字符（只支持可见字符）。",
                &[],
            ),
            Msg::PasswordOutsideVisible => (
                "The password contains a space or a non-ASCII character: the document only says visible characters are supported; it may be refused.",
                "密码包含空格或非 ASCII 字符：文档只说明支持可见字符，可能被拒绝。",
                &[],
            ),
            Msg::PasswordUsername => (
                "A Windows password must not contain the username, the username reversed, or any 3 consecutive characters of it.",
                "Windows 密码不能包含用户名、用户名的倒序，或用户名中任意连续 3 个字符。",
                &[],
            ),
            Msg::PasswordPrefix {
                prefix,
                windows_only: true,
            } => (
                "A Windows password must not start with \u{1}.",
                "Windows 实例的密码不能以 \u{1} 开头。",
                &[Str(prefix)],
            ),
            Msg::PasswordPrefix {
                prefix,
                windows_only: false,
            } => (
                "The password must not start with \u{1}.",
                "密码不能以 \u{1} 开头。",
                &[Str(prefix)],
            ),
            Msg::ListIndex => (
                "List positions must be positive integers starting at 1.",
                "列表序号必须是从 1 开始的正整数。",
                &[],
            ),
            Msg::ListGap => (
                "List positions must be consecutive from 1.",
                "列表序号必须从 1 开始连续编号。",
                &[],
            ),
            Msg::ListMaxItems { max } => ("At most \u{1} items.", "最多 \u{1} 项。", &[n(*max)]),
            Msg::ListDuplicate => (
                "The list repeats a value.",
                "列表中有重复的值。",
                &[],
            ),
            Msg::Unknown {
                suggestion: Some(name),
            } => (
                "Not a parameter of this API. Did you mean \u{1}?",
                "不是本接口的参数。是否想写 \u{1}？",
                &[Str(name)],
            ),
            Msg::Unknown { suggestion: None } => (
                "Not a parameter of this API; it will be ignored or refused.",
                "不是本接口的参数，会被忽略或拒绝。",
                &[],
            ),
            Msg::NotSupportedHere { provider } => (
                "\u{1} has no such parameter in this API: remove it.",
                "\u{1}的本接口没有此参数，请删除。",
                &[Str(provider.get(locale))],
            ),
            Msg::Deprecated {
                instead: Some(name),
            } => (
                "Deprecated; use \u{1} instead.",
                "该参数已废弃，请改用 \u{1}。",
                &[Str(name)],
            ),
            Msg::Deprecated { instead: None } => ("Deprecated.", "该参数已废弃。", &[]),
            Msg::NotPublic => (
                "This parameter is not available for public use.",
                "该参数未对外开放。",
                &[],
            ),
            Msg::ExactlyOne { a, b } => (
                "Set exactly one of \u{1} and \u{1}.",
                "\u{1} 和 \u{1} 必须且只能设置一个。",
                &[Str(a), Str(b)],
            ),
            Msg::BothSet { a, b } => (
                "\u{1} and \u{1} cannot both be set.",
                "\u{1} 和 \u{1} 不能同时设置。",
                &[Str(a), Str(b)],
            ),
            Msg::Requires { other, value } => (
                "Only allowed when \u{1} is \u{1}.",
                "只有 \u{1} 为 \u{1} 时才能设置。",
                &[Str(other), Str(value)],
            ),
            Msg::RequiresPresent { other } => (
                "Must be used together with \u{1}.",
                "必须与 \u{1} 一起使用。",
                &[Str(other)],
            ),
            Msg::Ignored { because } => (
                "Has no effect when \u{1}.",
                "\u{1}时该参数不生效。",
                &[Str(because.get(locale))],
            ),
            Msg::IntegerRange => (
                "Out of range: must fit in a 64-bit signed integer.",
                "超出范围：必须在 64 位有符号整数范围内。",
                &[],
            ),
            Msg::Text(text) => return text.get(locale).to_string(),
        };
        fill(localized(locale, en, cn), args)
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

    /// Any issue (error or warning) already reported on this field.
    pub fn has_issue_on(&self, field: &str) -> bool {
        self.issues.iter().any(|i| i.field == field)
    }

    /// An error of this rule already reported on this field.
    pub fn has_error_of(&self, field: &str, rule: &str) -> bool {
        self.issues
            .iter()
            .any(|i| i.severity == Severity::Error && i.field == field && i.rule == rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message in both languages, as the `core::fmt` wording gave them
    /// before rendering moved to templates: the text must not change.
    #[test]
    fn every_message_renders_as_before() {
        let msgs = [
            Msg::NotAnObject,
            Msg::TooLarge { limit: 4194304 },
            Msg::TooDeep,
            Msg::Unreadable,
            Msg::TooMany { limit: 512 },
            Msg::Duplicate,
            Msg::Required,
            Msg::WrongType {
                expected: TypeName::String,
            },
            Msg::WrongType {
                expected: TypeName::Integer,
            },
            Msg::WrongType {
                expected: TypeName::Boolean,
            },
            Msg::WrongType {
                expected: TypeName::Object,
            },
            Msg::WrongType {
                expected: TypeName::List,
            },
            Msg::BooleanAsString,
            Msg::Length {
                min: 0,
                max: u32::MAX as usize,
                actual: 1234567,
            },
            Msg::MaxLength {
                max: 64,
                actual: 10,
            },
            Msg::ExactLength { len: 36, actual: 0 },
            Msg::Minimum { min: i64::MIN },
            Msg::Minimum { min: 20 },
            Msg::Maximum { max: i64::MAX },
            Msg::Maximum { max: -5 },
            Msg::Maximum { max: 0 },
            Msg::Enum {
                allowed: &["a", "bb", "c\"d"],
            },
            Msg::Enum { allowed: &["only"] },
            Msg::Enum { allowed: &[] },
            Msg::Uuid,
            Msg::UuidLowercase,
            Msg::Base64,
            Msg::Ascii,
            Msg::PathSegment,
            Msg::Printable,
            Msg::PasswordLength {
                min: 8,
                max: 26,
                actual: 100,
            },
            Msg::PasswordClassesAtLeast {
                need: 3,
                specials: "!@$%^-_=+[{}]:,./?",
            },
            Msg::PasswordClassesAll,
            Msg::PasswordChars {
                specials: "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/",
            },
            Msg::PasswordDisputedChars {
                chars: "~#*",
                why: Text::new("the SDK does not list", "SDK 未列出这些字符"),
            },
            Msg::PasswordNonVisible,
            Msg::PasswordOutsideVisible,
            Msg::PasswordUsername,
            Msg::PasswordPrefix {
                prefix: "/",
                windows_only: true,
            },
            Msg::PasswordPrefix {
                prefix: "$6$",
                windows_only: false,
            },
            Msg::ListIndex,
            Msg::ListGap,
            Msg::ListMaxItems { max: 10 },
            Msg::ListDuplicate,
            Msg::Unknown {
                suggestion: Some("ImageId"),
            },
            Msg::Unknown { suggestion: None },
            Msg::NotSupportedHere {
                provider: Text::new("Open Telekom Cloud ECS", "Open Telekom Cloud 弹性云服务器"),
            },
            Msg::Deprecated { instead: Some("X") },
            Msg::Deprecated { instead: None },
            Msg::NotPublic,
            Msg::ExactlyOne { a: "a", b: "b" },
            Msg::BothSet { a: "a", b: "b" },
            Msg::Requires {
                other: "Encrypted",
                value: "true",
            },
            Msg::RequiresPresent { other: "o" },
            Msg::Ignored {
                because: Text::new("KeepImageLogin=true", "KeepImageLogin=true "),
            },
            Msg::Text(Text::new("en text {}", "中文")),
            Msg::NotJson,
            Msg::IntegerRange,
        ];
        let mut got = String::new();
        for m in &msgs {
            for locale in [Locale::En, Locale::Zh] {
                got.push_str(&m.render(locale));
                got.push('\n');
            }
        }
        assert_eq!(got, EXPECTED);
        // A provider's own sentence is said as written, placeholders and all.
        let text = Msg::Text(Text::new("a \u{1} {}", "b \u{1}"));
        assert_eq!(text.render(Locale::En), "a \u{1} {}");
        assert_eq!(text.render(Locale::Zh), "b \u{1}");
    }

    const EXPECTED: &str = r#"Parameters must be a JSON object.
参数必须是一个 JSON 对象。
Input is too large (limit 4194304 bytes); it was not checked.
输入过大（上限 4194304 字节），未做检查。
Nested more than 8 levels deep, which no parameter of this API is; not read.
嵌套超过 8 层，本接口没有这样的参数；未读取。
Parameters could not be read: not a plain JSON value (cyclic, BigInt, or nested too deeply).
无法读取参数：不是合法的 JSON 值（例如循环引用、BigInt 或嵌套过深）。
Too many parameters (limit 512); the rest were not checked.
参数过多（上限 512 个），其余未检查。
Given more than once (the same name twice, or both flat and nested); give it once.
该参数被给出了多次（同一名称出现两次，或扁平写法与嵌套写法同时出现），请只给出一次。
Required; must not be empty.
必填参数，不能为空。
Wrong type: must be a string.
类型错误：应为字符串。
Wrong type: must be an integer.
类型错误：应为整数。
Wrong type: must be a boolean (true or false).
类型错误：应为布尔值（true 或 false）。
Wrong type: must be an object.
类型错误：应为对象。
Wrong type: must be a list.
类型错误：应为列表。
This parameter is a string: write "true" or "false" in quotes.
该参数是字符串类型：请写 "true" 或 "false"（带引号）。
Must be 0 to 4294967295 characters long (now 1234567).
长度必须为 0–4294967295 个字符（当前 1234567 个）。
Must be at most 64 characters long (now 10).
长度不能超过 64 个字符（当前 10 个）。
Must be exactly 36 characters long (now 0).
长度必须正好为 36 个字符（当前 0 个）。
Must be at least -9223372036854775808.
不能小于 -9223372036854775808。
Must be at least 20.
不能小于 20。
Must be at most 9223372036854775807.
不能大于 9223372036854775807。
Must be at most -5.
不能大于 -5。
Must be at most 0.
不能大于 0。
Must be one of: a, bb, c"d.
取值只能是：a、bb、c"d。
Must be one of: only.
取值只能是：only。
Must be one of: .
取值只能是：。
Must be a UUID (8-4-4-4-12 hexadecimal digits).
必须是 UUID 格式（8-4-4-4-12 位十六进制）。
Must be a UUID in lower case, as ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$.
必须是标准 UUID 格式，十六进制字母小写：^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$。
Must be Base64-encoded.
必须是 Base64 编码。
May contain ASCII characters only.
只能包含 ASCII 字符。
Used as a URL path segment: must not be . or .., nor contain /, \, ?, #, %, whitespace or control characters.
用作 URL 路径的一段：不能是 . 或 ..，也不能包含 /、\、?、#、%、空白或控制字符。
Must not contain control characters.
不能包含控制字符。
The password must be 8 to 26 characters long (now 100).
密码长度必须为 8–26 个字符（当前 100 个）。
The password must contain at least 3 of: upper-case letters, lower-case letters, digits, special characters (!@$%^-_=+[{}]:,./?).
密码必须至少包含以下 3 类字符：大写字母、小写字母、数字、特殊字符（!@$%^-_=+[{}]:,./?）。
The password must contain upper-case letters, lower-case letters and digits.
密码必须同时包含大写字母、小写字母和数字。
The password may contain only letters, digits and these special characters: ()`~!@#$%^&*-_+=|{}[]:;'<>,.?/
密码只能包含大小写字母、数字和这些特殊字符：()`~!@#$%^&*-_+=|{}[]:;'<>,.?/
The password uses one of ~ # *, which the SDK does not list: it may be refused.
密码使用了 ~ # * 中的字符：SDK 未列出这些字符，可能被拒绝。
The password must not contain control characters (only visible characters are supported).
密码不能包含控制字符（只支持可见字符）。
The password contains a space or a non-ASCII character: the document only says visible characters are supported; it may be refused.
密码包含空格或非 ASCII 字符：文档只说明支持可见字符，可能被拒绝。
A Windows password must not contain the username, the username reversed, or any 3 consecutive characters of it.
Windows 密码不能包含用户名、用户名的倒序，或用户名中任意连续 3 个字符。
A Windows password must not start with /.
Windows 实例的密码不能以 / 开头。
The password must not start with $6$.
密码不能以 $6$ 开头。
List positions must be positive integers starting at 1.
列表序号必须是从 1 开始的正整数。
List positions must be consecutive from 1.
列表序号必须从 1 开始连续编号。
At most 10 items.
最多 10 项。
The list repeats a value.
列表中有重复的值。
Not a parameter of this API. Did you mean ImageId?
不是本接口的参数。是否想写 ImageId？
Not a parameter of this API; it will be ignored or refused.
不是本接口的参数，会被忽略或拒绝。
Open Telekom Cloud ECS has no such parameter in this API: remove it.
Open Telekom Cloud 弹性云服务器的本接口没有此参数，请删除。
Deprecated; use X instead.
该参数已废弃，请改用 X。
Deprecated.
该参数已废弃。
This parameter is not available for public use.
该参数未对外开放。
Set exactly one of a and b.
a 和 b 必须且只能设置一个。
a and b cannot both be set.
a 和 b 不能同时设置。
Only allowed when Encrypted is true.
只有 Encrypted 为 true 时才能设置。
Must be used together with o.
必须与 o 一起使用。
Has no effect when KeepImageLogin=true.
KeepImageLogin=true 时该参数不生效。
en text {}
中文
Parameters could not be read: the text is not valid JSON (or nests deeper than 128 levels).
无法读取参数：文本不是合法的 JSON（或嵌套超过 128 层）。
Out of range: must fit in a 64-bit signed integer.
超出范围：必须在 64 位有符号整数范围内。
"#;
}
