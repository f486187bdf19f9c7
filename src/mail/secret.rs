//! Passwords: held only in memory, never printed. Storage (keyring, password command)
//! is added on top of this type.

use std::fmt;

/// A password. `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Password(String);

impl Password {
    pub fn new(secret: impl Into<String>) -> Password {
        Password(secret.into())
    }

    /// The secret itself, for the one place that sends it to a server.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_redacts() {
        let pw = Password::new("hunter2");
        assert!(!format!("{pw:?}").contains("hunter2"));
        assert_eq!(pw.expose(), "hunter2");
    }
}
