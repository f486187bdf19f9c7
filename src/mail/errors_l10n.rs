//! Network and check errors as the user reads them: a localised message that names the server
//! (host:port) and the step, and a hint of what to do about it.
//!
//! Written for `NetError` in general so that sync and send errors can use the same texts.

use i18n_embed::fluent::FluentLanguageLoader;

use crate::i18n::LANGUAGE_LOADER;
use crate::mail::account::{Security, ServerKind};
use crate::mail::check::{CheckError, Step, StepOutcome};
use crate::mail::tls::{CertProblem, NetError};

/// `fl!` against a given loader, so tests can hold their own language without racing others.
macro_rules! tr {
    ($loader:expr, $id:literal) => {
        i18n_embed_fl::fl!($loader, $id)
    };
    ($loader:expr, $id:literal, $($args:expr),*) => {
        i18n_embed_fl::fl!($loader, $id, $($args),*)
    };
}

/// What went wrong, and what the user can do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub message: String,
    pub hint: String,
}

/// The label of a check step, as shown in progress lists.
pub fn step_label(step: Step) -> String {
    step_label_in(&LANGUAGE_LOADER, step)
}

fn step_label_in(l: &FluentLanguageLoader, step: Step) -> String {
    match step {
        Step::Resolve => tr!(l, "check-step-resolve"),
        Step::Connect => tr!(l, "check-step-connect"),
        Step::Tls => tr!(l, "check-step-tls"),
        Step::Greeting => tr!(l, "check-step-greeting"),
        Step::Starttls => tr!(l, "check-step-starttls"),
        Step::Authenticate => tr!(l, "check-step-authenticate"),
    }
}

/// "Incoming mail (IMAP)" and friends.
pub fn server_label(kind: ServerKind) -> String {
    server_label_in(&LANGUAGE_LOADER, kind)
}

fn server_label_in(l: &FluentLanguageLoader, kind: ServerKind) -> String {
    match kind {
        ServerKind::Imap => tr!(l, "check-server-imap"),
        ServerKind::Pop3 => tr!(l, "check-server-pop3"),
        ServerKind::Smtp => tr!(l, "check-server-smtp"),
    }
}

pub fn security_label(security: Security) -> String {
    let l = &*LANGUAGE_LOADER;
    match security {
        Security::Tls => tr!(l, "check-security-tls"),
        Security::Starttls => tr!(l, "check-security-starttls"),
    }
}

pub fn outcome_label(outcome: StepOutcome) -> String {
    let l = &*LANGUAGE_LOADER;
    match outcome {
        StepOutcome::Passed => tr!(l, "check-outcome-passed"),
        StepOutcome::Failed => tr!(l, "check-outcome-failed"),
        StepOutcome::Skipped => tr!(l, "check-outcome-skipped"),
    }
}

/// The step label for a `NetError`'s own step name, or the name itself when it is not a check step
/// (sync and send name their steps freely, e.g. "select INBOX").
fn label_for_name(l: &FluentLanguageLoader, name: &str) -> String {
    match Step::from_name(name) {
        Some(step) => step_label_in(l, step),
        None => name.to_string(),
    }
}

/// The step a network error happened in, judged from the error alone.
fn implied_step(l: &FluentLanguageLoader, error: &NetError) -> String {
    match error {
        NetError::Resolve { .. } => step_label_in(l, Step::Resolve),
        NetError::Refused { .. } | NetError::Connect { .. } => step_label_in(l, Step::Connect),
        NetError::Timeout { step, .. } | NetError::Protocol { step, .. } => label_for_name(l, step),
        NetError::Certificate { .. } | NetError::Handshake { .. } => step_label_in(l, Step::Tls),
        NetError::NoStarttls { .. } => step_label_in(l, Step::Starttls),
        NetError::CaFile { .. } | NetError::Io { .. } => tr!(l, "check-step-connection"),
    }
}

/// Explains a network error from any part of the engine; the step is taken from the error.
pub fn explain_net(error: &NetError) -> Explanation {
    explain_net_in(&LANGUAGE_LOADER, error)
}

fn explain_net_in(l: &FluentLanguageLoader, error: &NetError) -> Explanation {
    explain_net_at(l, error, implied_step(l, error), None)
}

/// Explains a network error that happened in `step` (a label already localised).
fn explain_net_at(
    l: &FluentLanguageLoader,
    error: &NetError,
    step: String,
    check_step: Option<Step>,
) -> Explanation {
    let endpoint = |host: &str, port: &u16| format!("{host}:{port}");
    match error {
        NetError::Resolve { host, .. } => Explanation {
            message: tr!(l, "check-error-resolve", host = host.as_str(), step = step),
            hint: tr!(l, "check-hint-resolve"),
        },
        NetError::Refused { host, port } => Explanation {
            message: tr!(
                l,
                "check-error-refused",
                endpoint = endpoint(host, port),
                step = step
            ),
            hint: tr!(l, "check-hint-refused"),
        },
        NetError::Connect { host, port, source } => Explanation {
            message: tr!(
                l,
                "check-error-connect",
                endpoint = endpoint(host, port),
                step = step,
                detail = source.to_string()
            ),
            hint: tr!(l, "check-hint-connect"),
        },
        NetError::Timeout {
            host, port, secs, ..
        } => timeout(l, endpoint(host, port), *secs, step, check_step),
        NetError::Certificate {
            host,
            port,
            subject,
            problem,
        } => certificate(l, host, endpoint(host, port), subject, problem, step),
        NetError::Handshake {
            host,
            port,
            message,
        } => Explanation {
            message: tr!(
                l,
                "check-error-handshake",
                endpoint = endpoint(host, port),
                step = step,
                detail = message.as_str()
            ),
            // rustls's words for a plain-text answer to our TLS hello.
            hint: if message.contains("InvalidContentType") {
                tr!(l, "check-hint-handshake-plain")
            } else {
                tr!(l, "check-hint-handshake")
            },
        },
        NetError::NoStarttls { host, port } => Explanation {
            message: tr!(
                l,
                "check-error-no-starttls",
                endpoint = endpoint(host, port),
                step = step
            ),
            hint: tr!(l, "check-hint-no-starttls"),
        },
        NetError::Protocol {
            host,
            port,
            message,
            ..
        } => protocol(l, endpoint(host, port), step, message),
        NetError::CaFile { path, message } => Explanation {
            message: tr!(
                l,
                "check-error-ca-file",
                path = path.display().to_string(),
                detail = message.as_str()
            ),
            hint: tr!(l, "check-hint-ca-file"),
        },
        NetError::Io { host, port, source } => Explanation {
            message: tr!(
                l,
                "check-error-io",
                endpoint = endpoint(host, port),
                step = step,
                detail = source.to_string()
            ),
            hint: tr!(l, "check-hint-io"),
        },
    }
}

/// Explains a failed server check: names host:port and the step that failed.
pub fn explain_check(error: &CheckError) -> Explanation {
    explain_check_in(&LANGUAGE_LOADER, error)
}

fn explain_check_in(l: &FluentLanguageLoader, error: &CheckError) -> Explanation {
    let step = error.step();
    let label = step_label_in(l, step);
    match error {
        CheckError::Net { error, .. } => explain_net_at(l, error, label, Some(step)),
        CheckError::AuthFailed {
            host,
            port,
            server_message,
        } => Explanation {
            message: tr!(
                l,
                "check-error-auth",
                endpoint = format!("{host}:{port}"),
                step = label,
                detail = server_message.as_str()
            ),
            hint: tr!(l, "check-hint-auth"),
        },
        CheckError::NoAuthMechanism {
            host,
            port,
            offered,
        } => Explanation {
            message: tr!(
                l,
                "check-error-no-auth-mechanism",
                endpoint = format!("{host}:{port}"),
                step = label,
                offered = offered.as_str()
            ),
            hint: tr!(l, "check-hint-no-auth-mechanism"),
        },
        CheckError::Protocol {
            host,
            port,
            message,
            ..
        } => protocol(l, format!("{host}:{port}"), label, message),
        CheckError::Timeout {
            host, port, secs, ..
        } => timeout(l, format!("{host}:{port}"), *secs, label, Some(step)),
    }
}

fn timeout(
    l: &FluentLanguageLoader,
    endpoint: String,
    secs: u64,
    step: String,
    check_step: Option<Step>,
) -> Explanation {
    // A silent server after a successful connect usually means TLS and STARTTLS are swapped.
    let hint = if check_step == Some(Step::Greeting) {
        tr!(l, "check-hint-timeout-greeting")
    } else {
        tr!(l, "check-hint-timeout")
    };
    Explanation {
        message: tr!(
            l,
            "check-error-timeout",
            endpoint = endpoint,
            secs = secs,
            step = step
        ),
        hint,
    }
}

fn protocol(l: &FluentLanguageLoader, endpoint: String, step: String, detail: &str) -> Explanation {
    Explanation {
        message: tr!(
            l,
            "check-error-protocol",
            endpoint = endpoint,
            step = step,
            detail = detail
        ),
        hint: tr!(l, "check-hint-protocol"),
    }
}

fn certificate(
    l: &FluentLanguageLoader,
    host: &str,
    endpoint: String,
    subject: &str,
    problem: &CertProblem,
    step: String,
) -> Explanation {
    match problem {
        CertProblem::UnknownIssuer => Explanation {
            message: tr!(
                l,
                "check-error-cert-untrusted",
                endpoint = endpoint,
                step = step,
                subject = subject
            ),
            hint: tr!(l, "check-hint-cert-untrusted"),
        },
        CertProblem::WrongName { presented } => Explanation {
            message: tr!(
                l,
                "check-error-cert-name",
                endpoint = endpoint,
                step = step,
                subject = subject,
                names = presented.join(", "),
                host = host
            ),
            hint: match presented.first() {
                Some(first) => tr!(l, "check-hint-cert-name", first = first.as_str()),
                None => tr!(l, "check-hint-cert-name-none"),
            },
        },
        CertProblem::Expired => Explanation {
            message: tr!(
                l,
                "check-error-cert-expired",
                endpoint = endpoint,
                step = step,
                subject = subject
            ),
            hint: tr!(l, "check-hint-cert-dates"),
        },
        CertProblem::NotYetValid => Explanation {
            message: tr!(
                l,
                "check-error-cert-not-yet-valid",
                endpoint = endpoint,
                step = step,
                subject = subject
            ),
            hint: tr!(l, "check-hint-cert-dates"),
        },
        CertProblem::Revoked => Explanation {
            message: tr!(
                l,
                "check-error-cert-revoked",
                endpoint = endpoint,
                step = step,
                subject = subject
            ),
            hint: tr!(l, "check-hint-cert-revoked"),
        },
        CertProblem::Other(detail) => Explanation {
            message: tr!(
                l,
                "check-error-cert-other",
                endpoint = endpoint,
                step = step,
                subject = subject,
                detail = detail.as_str()
            ),
            hint: tr!(l, "check-hint-cert-other"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use i18n_embed::fluent::fluent_language_loader;
    use i18n_embed::unic_langid::LanguageIdentifier;
    use i18n_embed::LanguageLoader;
    use std::io;

    #[derive(rust_embed::RustEmbed)]
    #[folder = "i18n/"]
    struct Texts;

    /// A loader of our own per language: the global one is shared with tests that switch it.
    fn loader(tag: &str) -> FluentLanguageLoader {
        let loader: FluentLanguageLoader = fluent_language_loader!();
        let langs: Vec<LanguageIdentifier> = vec![tag.parse().unwrap(), "en-GB".parse().unwrap()];
        loader.load_languages(&Texts, &langs).unwrap();
        loader.set_use_isolating(false);
        loader
    }

    fn auth_failed() -> CheckError {
        CheckError::AuthFailed {
            host: "mail.btinternet.com".into(),
            port: 993,
            server_message: "[AUTHENTICATIONFAILED] Authentication failed.".into(),
        }
    }

    /// One of every kind of error, as the check reports them.
    fn samples() -> Vec<CheckError> {
        let (host, port) = ("mail.btinternet.com".to_string(), 993);
        let net = |step, error| CheckError::Net { step, error };
        let cert = |problem| NetError::Certificate {
            host: host.clone(),
            port,
            subject: "CN=mail.btinternet.com".into(),
            problem,
        };
        vec![
            auth_failed(),
            net(
                Step::Resolve,
                NetError::Resolve {
                    host: host.clone(),
                    source: io::Error::other("no such host"),
                },
            ),
            net(
                Step::Connect,
                NetError::Refused {
                    host: host.clone(),
                    port,
                },
            ),
            net(
                Step::Connect,
                NetError::Connect {
                    host: host.clone(),
                    port,
                    source: io::Error::other("network unreachable"),
                },
            ),
            net(Step::Tls, cert(CertProblem::UnknownIssuer)),
            net(
                Step::Tls,
                cert(CertProblem::WrongName {
                    presented: vec!["mail.btinternet.com".into(), "localhost".into()],
                }),
            ),
            net(
                Step::Tls,
                cert(CertProblem::WrongName { presented: vec![] }),
            ),
            net(Step::Tls, cert(CertProblem::Expired)),
            net(Step::Tls, cert(CertProblem::NotYetValid)),
            net(Step::Tls, cert(CertProblem::Revoked)),
            net(Step::Tls, cert(CertProblem::Other("BadEncoding".into()))),
            net(
                Step::Tls,
                NetError::Handshake {
                    host: host.clone(),
                    port,
                    message: "received corrupt message".into(),
                },
            ),
            net(
                Step::Tls,
                NetError::Handshake {
                    host: host.clone(),
                    port,
                    message: "received corrupt message of type InvalidContentType".into(),
                },
            ),
            net(
                Step::Starttls,
                NetError::NoStarttls {
                    host: host.clone(),
                    port,
                },
            ),
            net(
                Step::Greeting,
                NetError::Io {
                    host: host.clone(),
                    port,
                    source: io::Error::other("reset"),
                },
            ),
            CheckError::Timeout {
                host: host.clone(),
                port,
                step: Step::Greeting,
                secs: 2,
            },
            CheckError::Timeout {
                host: host.clone(),
                port,
                step: Step::Authenticate,
                secs: 30,
            },
            CheckError::Protocol {
                host: host.clone(),
                port,
                step: Step::Greeting,
                message: "* BYE go away".into(),
            },
            CheckError::NoAuthMechanism {
                host: host.clone(),
                port,
                offered: "XOAUTH2".into(),
            },
        ]
    }

    #[test]
    fn wrong_password_hint_mentions_app_password_in_english() {
        let l = loader("en-GB");
        let text = explain_check_in(&l, &auth_failed());
        assert!(text.message.contains("mail.btinternet.com:993"), "{text:?}");
        assert!(text.message.contains("Logging in"), "{text:?}");
        assert!(text.message.contains("AUTHENTICATIONFAILED"), "{text:?}");
        assert!(text.hint.contains("app password"), "{text:?}");
        assert!(text.hint.contains("two-step verification"), "{text:?}");
        assert!(text.hint.contains("Caps Lock"), "{text:?}");
        assert!(text.hint.contains("full email address"), "{text:?}");
    }

    #[test]
    fn wrong_password_hint_mentions_app_password_in_welsh() {
        let l = loader("cy");
        let text = explain_check_in(&l, &auth_failed());
        assert!(text.message.contains("mail.btinternet.com:993"), "{text:?}");
        assert!(text.message.contains("Mewngofnodi"), "{text:?}");
        assert!(text.message.starts_with("Gwrthododd"), "{text:?}");
        assert!(text.hint.contains("cyfrinair ap"), "{text:?}");
        assert!(text.hint.contains("dilysu dau gam"), "{text:?}");
        assert!(text.hint.contains("Caps Lock"), "{text:?}");
    }

    #[test]
    fn certificate_texts_name_subject_and_reason() {
        let samples = samples();
        let en = loader("en-GB");
        let cy = loader("cy");
        let untrusted = explain_check_in(&en, &samples[4]);
        assert!(
            untrusted.message.contains("CN=mail.btinternet.com"),
            "{untrusted:?}"
        );
        assert!(untrusted.message.contains("not trusted"), "{untrusted:?}");
        assert!(
            untrusted.hint.contains("CA certificate file"),
            "{untrusted:?}"
        );
        let untrusted_cy = explain_check_in(&cy, &samples[4]);
        assert!(
            untrusted_cy.hint.contains("tystysgrif CA"),
            "{untrusted_cy:?}"
        );

        let wrong_name = explain_check_in(&en, &samples[5]);
        assert!(
            wrong_name
                .message
                .contains("valid only for mail.btinternet.com, localhost"),
            "{wrong_name:?}"
        );
        assert!(
            wrong_name.hint.contains("such as mail.btinternet.com"),
            "{wrong_name:?}"
        );
        let wrong_name_cy = explain_check_in(&cy, &samples[5]);
        assert!(wrong_name_cy
            .message
            .contains("mail.btinternet.com, localhost"));
        assert!(wrong_name_cy
            .hint
            .contains("er enghraifft mail.btinternet.com"));
    }

    #[test]
    fn network_hints_point_at_host_port_and_firewall() {
        let samples = samples();
        let en = loader("en-GB");
        let cy = loader("cy");
        let resolve = explain_check_in(&en, &samples[1]);
        assert!(resolve.message.contains("mail.btinternet.com"));
        assert!(resolve.hint.contains("server name") && resolve.hint.contains("internet"));
        for refused_like in [&samples[2], &samples[16]] {
            let text = explain_check_in(&en, refused_like);
            assert!(text.message.contains("mail.btinternet.com:993"), "{text:?}");
            assert!(text.hint.contains("port"), "{text:?}");
            assert!(text.hint.contains("firewall"), "{text:?}");
            let text = explain_check_in(&cy, refused_like);
            assert!(text.hint.contains("mur gwarchod"), "{text:?}");
        }
        // Silent after connecting: the likely cause is SSL/TLS and STARTTLS swapped.
        let greeting = explain_check_in(&en, &samples[15]);
        assert!(
            greeting.message.contains("within 2 seconds"),
            "{greeting:?}"
        );
        assert!(greeting.message.contains("Server greeting"), "{greeting:?}");
        assert!(greeting.hint.contains("STARTTLS"), "{greeting:?}");
    }

    #[test]
    fn every_error_is_localised_with_endpoint_and_step_in_both_languages() {
        let en = loader("en-GB");
        let cy = loader("cy");
        for error in samples() {
            let english = explain_check_in(&en, &error);
            let welsh = explain_check_in(&cy, &error);
            for text in [&english, &welsh] {
                assert!(text.message.contains("mail.btinternet.com"), "{text:?}");
                assert!(
                    !text.message.contains('{') && !text.hint.contains('{'),
                    "{text:?}"
                );
                assert!(!text.hint.is_empty(), "{text:?}");
            }
            assert!(english.message.contains(&step_label_in(&en, error.step())));
            assert!(welsh.message.contains(&step_label_in(&cy, error.step())));
            assert_ne!(english.message, welsh.message, "untranslated: {error:?}");
            assert_ne!(english.hint, welsh.hint, "untranslated hint: {error:?}");
        }
    }

    #[test]
    fn plain_answer_to_tls_suggests_starttls() {
        let error = CheckError::Net {
            step: Step::Tls,
            error: NetError::Handshake {
                host: "localhost".into(),
                port: 143,
                message: "received corrupt message of type InvalidContentType".into(),
            },
        };
        let text = explain_check_in(&loader("en-GB"), &error);
        assert!(text.hint.contains("without encryption"), "{text:?}");
        let text = explain_check_in(&loader("cy"), &error);
        assert!(text.hint.contains("heb amgryptio"), "{text:?}");
    }

    #[test]
    fn engine_errors_outside_the_check_keep_their_own_step() {
        let en = loader("en-GB");
        let error = NetError::Timeout {
            host: "mail.btinternet.com".into(),
            port: 993,
            step: "select INBOX",
            secs: 30,
        };
        let text = explain_net_in(&en, &error);
        assert!(text.message.contains("mail.btinternet.com:993"), "{text:?}");
        assert!(text.message.contains("select INBOX"), "{text:?}");
        let refused = NetError::Refused {
            host: "mail.btinternet.com".into(),
            port: 465,
        };
        let text = explain_net_in(&loader("cy"), &refused);
        assert!(text.message.contains("mail.btinternet.com:465"), "{text:?}");
        assert!(text.message.contains("Cysylltu"), "{text:?}");
        let ca = NetError::CaFile {
            path: "/nowhere/ca.pem".into(),
            message: "No such file".into(),
        };
        let text = explain_net_in(&en, &ca);
        assert!(text.message.contains("/nowhere/ca.pem"), "{text:?}");
    }
}
