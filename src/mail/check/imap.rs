//! The IMAP part of the check, through async-imap as the sync engine uses it.

use async_imap::error::Error as ImapError;
use async_imap::imap_proto::{Response, Status};
use tokio::io::{AsyncRead, AsyncWrite};

use super::{CheckError, Ctx, Login, Run, Step};
use crate::mail::account::AuthMech;

/// SASL PLAIN (RFC 4616): no authorisation identity, then the user name and the password.
struct PlainSasl<'a> {
    username: &'a str,
    password: &'a str,
}

impl async_imap::Authenticator for PlainSasl<'_> {
    type Response = Vec<u8>;

    fn process(&mut self, _challenge: &[u8]) -> Vec<u8> {
        format!("\0{}\0{}", self.username, self.password).into_bytes()
    }
}

/// Greeting (when the server sends one on this connection), login, logout.
pub(super) async fn session<S>(
    run: &mut Run<'_>,
    stream: S,
    read_greeting: bool,
    login: &Login<'_>,
) -> Result<(), CheckError>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug,
{
    let ctx = run.ctx.clone();
    let mut client = async_imap::Client::new(stream);
    if read_greeting {
        run.step(
            Step::Greeting,
            ctx.limited(Step::Greeting, async {
                let data = client
                    .read_response()
                    .await
                    .map_err(|e| ctx.io(Step::Greeting, e))?
                    .ok_or_else(|| ctx.closed(Step::Greeting))?;
                match data.parsed() {
                    Response::Data {
                        status: Status::Ok | Status::PreAuth,
                        ..
                    } => Ok(()),
                    Response::Data { outcome, .. } => Err(ctx.protocol(
                        Step::Greeting,
                        outcome.information.as_deref().unwrap_or("(no text)"),
                    )),
                    other => Err(ctx.protocol(Step::Greeting, format!("{other:?}"))),
                }
            }),
        )
        .await?;
    }
    run.step(
        Step::Authenticate,
        ctx.limited(Step::Authenticate, async {
            let password = login.password.expose();
            let outcome = match login.mech {
                // RFC 3501 6.2.2: every IMAP4rev1 server implements AUTHENTICATE PLAIN.
                AuthMech::Plain => {
                    let sasl = PlainSasl {
                        username: login.username,
                        password,
                    };
                    client.authenticate("PLAIN", sasl).await
                }
                AuthMech::Login => client.login(login.username, password).await,
            };
            match outcome {
                Ok(mut session) => {
                    ctx.farewell(async {
                        let _ = session.logout().await;
                    })
                    .await;
                    Ok(())
                }
                Err((error, mut client)) => {
                    ctx.farewell(async {
                        let _ = client.run_command_and_check_ok("LOGOUT", None).await;
                    })
                    .await;
                    Err(auth_error(&ctx, error))
                }
            }
        }),
    )
    .await
}

fn auth_error(ctx: &Ctx, error: ImapError) -> CheckError {
    match error {
        ImapError::No(message) => ctx.auth_failed(server_text(&message)),
        ImapError::Io(source) => ctx.io(Step::Authenticate, source),
        ImapError::ConnectionLost => ctx.closed(Step::Authenticate),
        // BAD: e.g. LOGIN refused outright (LOGINDISABLED) or a mechanism the server lacks.
        ImapError::Bad(message) => ctx.protocol(Step::Authenticate, server_text(&message)),
        other => ctx.protocol(Step::Authenticate, other.to_string()),
    }
}

/// The server's own words from async-imap's `code: .., info: Some("..")` rendering.
fn server_text(message: &str) -> String {
    message
        .split_once("info: Some(\"")
        .and_then(|(_, rest)| rest.rsplit_once("\")"))
        .map(|(text, _)| text.replace("\\\"", "\""))
        .unwrap_or_else(|| message.to_string())
}

#[cfg(test)]
mod tests {
    use super::server_text;

    #[test]
    fn server_text_is_taken_from_the_rendering() {
        assert_eq!(
            server_text(
                r#"code: None, info: Some("[AUTHENTICATIONFAILED] Authentication failed.")"#
            ),
            "[AUTHENTICATIONFAILED] Authentication failed."
        );
        assert_eq!(server_text("plain words"), "plain words");
    }
}
