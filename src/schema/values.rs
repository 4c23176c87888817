//! The typed values a provider's rules and builder read, after the field
//! table was applied.

/// A field's value after type checking.
#[derive(Clone, Debug, PartialEq)]
pub enum Got<'a> {
    Str(&'a str),
    Int(i64),
    Bool(bool),
    Object,
    /// List items with the name each is reported under (`KeyId.2`).
    List(Vec<(String, Got<'a>)>),
    /// Given, but of the wrong type (already reported).
    Invalid,
}

/// The typed values of the fields that were given (absent fields are not here).
#[derive(Debug, Default)]
pub struct Values<'a> {
    items: Vec<(&'static str, Got<'a>)>,
}

impl<'a> Values<'a> {
    pub fn get(&self, name: &str) -> Option<&Got<'a>> {
        self.items.iter().find(|(n, _)| *n == name).map(|(_, g)| g)
    }

    /// Given (even if malformed).
    pub fn is_set(&self, name: &str) -> bool {
        match self.get(name) {
            Some(Got::List(items)) => !items.is_empty(),
            Some(_) => true,
            None => false,
        }
    }

    pub fn str(&self, name: &str) -> Option<&'a str> {
        match self.get(name) {
            Some(Got::Str(s)) => Some(s),
            _ => None,
        }
    }

    pub fn int(&self, name: &str) -> Option<i64> {
        match self.get(name) {
            Some(Got::Int(n)) => Some(*n),
            _ => None,
        }
    }

    pub fn bool(&self, name: &str) -> Option<bool> {
        match self.get(name) {
            Some(Got::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    /// `true` only when given as true.
    pub fn is_true(&self, name: &str) -> bool {
        self.bool(name) == Some(true)
    }

    pub fn list(&self, name: &str) -> &[(String, Got<'a>)] {
        match self.get(name) {
            Some(Got::List(items)) => items,
            _ => &[],
        }
    }

    /// Records a field's value (the engine, once per field, in table order).
    pub fn push(&mut self, name: &'static str, got: Got<'a>) {
        self.items.push((name, got));
    }

    pub fn iter(&self) -> impl Iterator<Item = &(&'static str, Got<'a>)> {
        self.items.iter()
    }
}
