//! The POP3 part of the check, through async-pop as the download engine uses it.

use async_pop::error::{Error as PopError, ErrorKind};
use tokio::io::{AsyncRead, AsyncWrite};

use super::{CheckError, Ctx, Login, Run, Step};
use crate::mail::starttls::Prefixed;

/// Greeting and capabilities (async-pop reads both in `new`), login, quit.
pub(super) async fn session<S>(
    run: &mut Run<'_>,
    stream: S,
    read_greeting: bool,
    login: &Login<'_>,
) -> Result<(), CheckError>
where
    S: AsyncRead + AsyncWrite + Unpin + Send,
{
    let ctx = run.ctx.clone();
    let mut client = if read_greeting {
        let stream = Prefixed::new(Vec::new(), stream);
        run.step(
            Step::Greeting,
            ctx.limited(Step::Greeting, async {
                async_pop::new(stream)
                    .await
                    .map_err(|e| pop_error(&ctx, Step::Greeting, e))
            }),
        )
        .await?
    } else {
        // The greeting came before STLS; none follows the upgrade.
        let stream = Prefixed::pop3_after_stls(stream);
        let connected = ctx
            .limited(Step::Authenticate, async {
                async_pop::new(stream)
                    .await
                    .map_err(|e| pop_error(&ctx, Step::Authenticate, e))
            })
            .await;
        match connected {
            Ok(client) => client,
            Err(error) => return run.step(Step::Authenticate, async { Err(error) }).await,
        }
    };
    run.step(
        Step::Authenticate,
        ctx.limited(Step::Authenticate, async {
            // AUTH PLAIN when offered, else USER/PASS: both send the password under TLS, so the
            // account's PLAIN/LOGIN choice does not apply. async-pop's `login` would try both in
            // turn, doubling the server's delay after a wrong password.
            let (user, password) = (login.username, login.password.expose());
            let result = if client.has_auth_mechanism("PLAIN") {
                let sasl = async_pop::sasl::PlainAuthenticator::new(user, password);
                client.auth(sasl).await.map(|_| ())
            } else {
                client.login(user, password).await.map(|_| ())
            }
            .map_err(|e| pop_error(&ctx, Step::Authenticate, e));
            ctx.farewell(async {
                let _ = client.quit().await;
            })
            .await;
            result
        }),
    )
    .await
}

fn pop_error(ctx: &Ctx, step: Step, error: PopError) -> CheckError {
    match error.kind() {
        ErrorKind::ServerError(message) if step == Step::Authenticate => {
            ctx.auth_failed(message.clone())
        }
        ErrorKind::ServerError(message) => ctx.protocol(step, message.clone()),
        ErrorKind::Io(source) => {
            ctx.io(step, std::io::Error::new(source.kind(), source.to_string()))
        }
        ErrorKind::ConnectionClosed => ctx.closed(step),
        _ => ctx.protocol(step, error.message().to_string()),
    }
}
