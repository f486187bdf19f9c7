//! Sizes and dates in the user's language: units, month names, word order and the decimal
//! separator all come from Fluent (`format-` keys), so "1.2 MB" reads "1,2 Mo" in French.
//!
//! fluent-rs's `NUMBER()` does not localise the decimal separator (it has no locale number
//! data), so the number is formatted here and the separator is itself a message.

use chrono::{DateTime, Datelike, FixedOffset, Local, Offset, TimeZone, Timelike, Utc};
use i18n_embed::fluent::FluentLanguageLoader;

use super::LANGUAGE_LOADER;

/// "1.2 MB" in the current language.
pub fn format_size(bytes: u64) -> String {
    format_size_in(&LANGUAGE_LOADER, bytes)
}

/// A message's date as a list shows it: the time for today, "Yesterday", the day and month
/// within the year, else with the year. In the computer's time zone.
pub fn format_date(unix: i64) -> String {
    let now = Utc::now().timestamp();
    let offset = Local
        .timestamp_opt(unix, 0)
        .single()
        .map_or(0, |t| t.offset().fix().local_minus_utc());
    format_date_in(&LANGUAGE_LOADER, unix, now, offset)
}

/// The full date and time, as a message's header shows it: "3 Mar 2026, 14:05".
pub fn format_date_time(unix: i64) -> String {
    let offset = Local
        .timestamp_opt(unix, 0)
        .single()
        .map_or(0, |t| t.offset().fix().local_minus_utc());
    format_date_time_in(&LANGUAGE_LOADER, unix, offset)
}

/// Decimal units (1 kB = 1000 bytes), as GNOME and macOS show file sizes.
pub fn format_size_in(l: &FluentLanguageLoader, bytes: u64) -> String {
    if bytes < 1000 {
        return i18n_embed_fl::fl!(l, "format-size-bytes", count = bytes);
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 999.95 && unit < 3 {
        value /= 1000.0;
        unit += 1;
    }
    // One decimal while it says something (1.2 MB), none from 10 up (12 MB, 120 MB).
    let digits = if value < 9.95 { 1 } else { 0 };
    let mut size = format!("{value:.digits$}");
    if let Some(whole) = size.strip_suffix(".0") {
        size = whole.to_string();
    }
    let size = size.replace('.', &i18n_embed_fl::fl!(l, "format-decimal-separator"));
    match unit {
        0 => i18n_embed_fl::fl!(l, "format-size-kb", size = size),
        1 => i18n_embed_fl::fl!(l, "format-size-mb", size = size),
        2 => i18n_embed_fl::fl!(l, "format-size-gb", size = size),
        _ => i18n_embed_fl::fl!(l, "format-size-tb", size = size),
    }
}

fn local(unix: i64, offset_secs: i32) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(offset_secs).unwrap_or(FixedOffset::east_opt(0).unwrap());
    offset
        .timestamp_opt(unix, 0)
        .single()
        .unwrap_or_else(|| offset.timestamp_opt(0, 0).unwrap())
}

fn time_in(l: &FluentLanguageLoader, t: &DateTime<FixedOffset>) -> String {
    i18n_embed_fl::fl!(
        l,
        "format-time",
        hours = format!("{:02}", t.hour()),
        minutes = format!("{:02}", t.minute())
    )
}

fn day_month_year_in(l: &FluentLanguageLoader, t: &DateTime<FixedOffset>) -> String {
    let month = i18n_embed_fl::fl!(l, "format-month", month = t.month());
    i18n_embed_fl::fl!(
        l,
        "format-date-year",
        day = t.day(),
        month = month,
        year = t.year()
    )
}

/// As [`format_date`], with "now" and the time zone given (for tests and for other zones).
pub fn format_date_in(l: &FluentLanguageLoader, unix: i64, now: i64, offset_secs: i32) -> String {
    let then = local(unix, offset_secs);
    let today = local(now, offset_secs).date_naive();
    let day = then.date_naive();
    if day == today {
        time_in(l, &then)
    } else if today.pred_opt() == Some(day) {
        i18n_embed_fl::fl!(l, "format-date-yesterday")
    } else if day.year() == today.year() && day < today {
        let month = i18n_embed_fl::fl!(l, "format-month", month = then.month());
        i18n_embed_fl::fl!(l, "format-date-day-month", day = then.day(), month = month)
    } else {
        // Other years, and dates in the future (a sender's wrong clock): say the year.
        day_month_year_in(l, &then)
    }
}

pub fn format_date_time_in(l: &FluentLanguageLoader, unix: i64, offset_secs: i32) -> String {
    let then = local(unix, offset_secs);
    i18n_embed_fl::fl!(
        l,
        "format-date-time",
        date = day_month_year_in(l, &then),
        time = time_in(l, &then)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use i18n_embed::fluent::fluent_language_loader;
    use i18n_embed::LanguageLoader;

    /// A loader of our own per test: the global one is shared by tests running in parallel.
    fn loader(lang: &str) -> FluentLanguageLoader {
        let l: FluentLanguageLoader = fluent_language_loader!();
        l.load_languages(&super::super::Localizations, &[lang.parse().unwrap()])
            .unwrap();
        l.set_use_isolating(false);
        l
    }

    #[test]
    fn sizes_follow_the_language() {
        let en = loader("en-GB");
        let fr = loader("fr");
        let de = loader("de");
        let cy = loader("cy");
        assert_eq!(format_size_in(&en, 0), "0 bytes");
        assert_eq!(format_size_in(&en, 1), "1 byte");
        assert_eq!(format_size_in(&en, 999), "999 bytes");
        assert_eq!(format_size_in(&en, 1000), "1 kB");
        assert_eq!(format_size_in(&en, 1_234_567), "1.2 MB");
        assert_eq!(format_size_in(&en, 12_345_678), "12 MB");
        assert_eq!(format_size_in(&en, 999_999), "1 MB");
        assert_eq!(format_size_in(&en, 3_500_000_000), "3.5 GB");
        assert_eq!(format_size_in(&fr, 1_234_567), "1,2 Mo");
        assert_eq!(format_size_in(&fr, 1), "1 octet");
        assert_eq!(format_size_in(&fr, 2), "2 octets");
        assert_eq!(format_size_in(&fr, 45_000), "45 ko");
        assert_eq!(format_size_in(&de, 1_234_567), "1,2 MB");
        assert_eq!(format_size_in(&de, 1), "1 Byte");
        assert_eq!(format_size_in(&cy, 1_234_567), "1.2 MB");
        assert_eq!(format_size_in(&cy, 2), "2 beit");
    }

    // 2026-03-03 10:00:00 UTC, a Tuesday.
    const NOW: i64 = 1_772_532_000;

    #[test]
    fn dates_are_relative_to_today() {
        let en = loader("en-GB");
        assert_eq!(format_date_in(&en, NOW - 3600, NOW, 0), "09:00");
        assert_eq!(format_date_in(&en, NOW - 86_400, NOW, 0), "Yesterday");
        assert_eq!(format_date_in(&en, NOW - 5 * 86_400, NOW, 0), "26 Feb");
        assert_eq!(
            format_date_in(&en, NOW - 365 * 86_400, NOW, 0),
            "3 Mar 2025"
        );
        // In the future: the year is shown, so a wrong clock is visible.
        assert_eq!(
            format_date_in(&en, NOW + 40 * 86_400, NOW, 0),
            "12 Apr 2026"
        );
    }

    #[test]
    fn dates_use_the_time_zone() {
        let en = loader("en-GB");
        // 23:30 UTC on the 2nd is 00:30 on the 3rd in British Summer Time.
        let late = NOW - 10 * 3600 - 1800;
        assert_eq!(format_date_in(&en, late, NOW, 0), "Yesterday");
        assert_eq!(format_date_in(&en, late, NOW, 3600), "00:30");
    }

    #[test]
    fn month_names_and_order_follow_the_language() {
        let then = NOW - 365 * 86_400;
        assert_eq!(format_date_in(&loader("fr"), then, NOW, 0), "3 mars 2025");
        assert_eq!(format_date_in(&loader("de"), then, NOW, 0), "3. März 2025");
        assert_eq!(format_date_in(&loader("cy"), then, NOW, 0), "3 Maw 2025");
        assert_eq!(format_date_in(&loader("fr"), NOW - 86_400, NOW, 0), "Hier");
        assert_eq!(
            format_date_in(&loader("de"), NOW - 86_400, NOW, 0),
            "Gestern"
        );
        assert_eq!(format_date_in(&loader("cy"), NOW - 86_400, NOW, 0), "Ddoe");
        assert_eq!(
            format_date_time_in(&loader("en-GB"), NOW, 0),
            "3 Mar 2026, 10:00"
        );
        assert_eq!(
            format_date_time_in(&loader("de"), NOW, 3600),
            "3. März 2026, 11:00"
        );
    }

    #[test]
    fn every_month_has_a_name_in_every_language() {
        for lang in ["en-GB", "cy", "fr", "de"] {
            let l = loader(lang);
            let names: Vec<String> = (1..=12u32)
                .map(|m| i18n_embed_fl::fl!(l, "format-month", month = m))
                .collect();
            let mut unique = names.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), 12, "{lang}: {names:?}");
        }
    }

    /// A Fluent syntax error drops the broken message silently at run time (the raw id shows);
    /// here every id written in a file must come out of the parser as a message.
    #[test]
    fn every_locale_parses_completely() {
        for lang in ["en-GB", "cy", "fr", "de"] {
            let text = crate::i18n::resource_text(lang).unwrap();
            let written = text
                .lines()
                .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
                .filter(|line| line.contains(" ="))
                .count();
            let l = loader(lang);
            let id: i18n_embed::unic_langid::LanguageIdentifier = lang.parse().unwrap();
            let parsed = l.with_message_iter(&id, |messages| messages.count());
            assert_eq!(parsed, written, "{lang}: a message did not parse");
        }
    }
}
