//! Fluent translations, embedded in the binary.

use std::sync::LazyLock;

use i18n_embed::fluent::{fluent_language_loader, FluentLanguageLoader};
use i18n_embed::{DesktopLanguageRequester, LanguageLoader};
use rust_embed::RustEmbed;

pub mod format;

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Localizations;

pub static LANGUAGE_LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    loader
        .load_fallback_language(&Localizations)
        .expect("the fallback language is embedded");
    loader
});

/// Looks up a message in the current language: `fl!("key")` or `fl!("key", name = value)`.
#[macro_export]
macro_rules! fl {
    ($message_id:literal) => {{
        i18n_embed_fl::fl!($crate::i18n::LANGUAGE_LOADER, $message_id)
    }};
    ($message_id:literal, $($args:expr),*) => {{
        i18n_embed_fl::fl!($crate::i18n::LANGUAGE_LOADER, $message_id, $($args), *)
    }};
}

/// Selects the user's languages (system order), or `requested` when given (e.g. "cy").
pub fn init(requested: Option<&str>) {
    let languages = match requested {
        Some(tag) => match tag.parse() {
            Ok(lang) => vec![lang],
            Err(_) => DesktopLanguageRequester::requested_languages(),
        },
        None => DesktopLanguageRequester::requested_languages(),
    };
    if let Err(error) = i18n_embed::select(&*LANGUAGE_LOADER, &Localizations, &languages) {
        tracing::warn!(%error, "could not select a language; staying with en-GB");
    }
}

/// Pins one language and turns off Unicode isolation marks, so tests can match text exactly.
pub fn init_for_tests(tag: &str) {
    LANGUAGE_LOADER.set_use_isolating(false);
    let lang = tag.parse().expect("a valid language tag");
    i18n_embed::select(&*LANGUAGE_LOADER, &Localizations, &[lang]).expect("language is embedded");
    // Selecting a language builds fresh bundles, which isolate again by default.
    LANGUAGE_LOADER.set_use_isolating(false);
}

/// Every language shipped in `i18n/`.
pub fn available_languages() -> Vec<String> {
    LANGUAGE_LOADER
        .available_languages(&Localizations)
        .map(|langs| langs.into_iter().map(|l| l.to_string()).collect())
        .unwrap_or_default()
}

/// The raw text of one language's resource file (for completeness tests).
pub fn resource_text(lang: &str) -> Option<String> {
    let file = Localizations::get(&format!("{lang}/pillarbox.ftl"))?;
    String::from_utf8(file.data.into_owned()).ok()
}
