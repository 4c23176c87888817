//! Caller options that change which rules apply.

use serde_json::Value;

use crate::input::Input;
use crate::issue::Locale;

/// The OS the instance will run after the reinstall, where the caller knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Os {
    Linux,
    Windows,
}

impl Os {
    pub fn parse(s: &str) -> Option<Os> {
        match s.trim().to_ascii_lowercase().as_str() {
            "linux" => Some(Os::Linux),
            "windows" => Some(Os::Windows),
            _ => None,
        }
    }

    /// The administrator account the provider creates (Huawei S000: root / Administrator).
    pub fn default_username(self) -> &'static str {
        match self {
            Os::Linux => "root",
            Os::Windows => "Administrator",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub locale: Locale,
    pub os: Option<Os>,
    /// Overrides the OS's default administrator name for the Windows password rule.
    pub username: Option<String>,
    /// The `os` option was given but is neither `linux` nor `windows`.
    pub os_invalid: bool,
    /// The provider's API name; `None`: its default operation. A value that
    /// is not a string is kept as `Some("")`, which no operation is named.
    pub operation: Option<String>,
}

impl Options {
    /// Reads `{locale?, os?, username?, operation?}`; anything else is ignored.
    pub fn from_json(value: Option<&Value>) -> Options {
        Options::from_input(value.map(Input::from_value).as_ref())
    }

    /// [`Options::from_json`] of options read by [`Input::from_text`].
    pub fn from_input(input: Option<&Input<'_>>) -> Options {
        let mut o = Options::default();
        let Some(obj @ Input::Object(_)) = input else {
            return o;
        };
        if let Some(Input::Str(l)) = obj.get("locale") {
            o.locale = Locale::parse(l);
        }
        match obj.get("os") {
            Some(Input::Str(s)) if !s.is_empty() => {
                o.os = Os::parse(s);
                o.os_invalid = o.os.is_none();
            }
            None | Some(Input::Null) | Some(Input::Str(_)) => {}
            Some(_) => o.os_invalid = true,
        }
        match obj.get("operation") {
            None | Some(Input::Null) => {}
            Some(Input::Str(s)) => o.operation = Some(s.chars().take(64).collect()),
            Some(_) => o.operation = Some(String::new()),
        }
        if let Some(Input::Str(u)) = obj.get("username") {
            if !u.is_empty() {
                o.username = Some(u.chars().take(64).collect());
            }
        }
        o
    }

    pub fn username(&self) -> Option<&str> {
        self.username
            .as_deref()
            .or(self.os.map(Os::default_username))
    }
}
