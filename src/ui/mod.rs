//! The iced desktop app.
